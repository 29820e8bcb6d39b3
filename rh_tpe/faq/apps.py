from django.apps import AppConfig


class FaqConfig(AppConfig):
    name = "rh_tpe.faq"
    label = "faq"
    verbose_name = "Foire aux questions RH"
