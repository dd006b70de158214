from django.apps import AppConfig


class SampleConfig(AppConfig):
    name = "civicgrid.testing.sample"
    label = "sample"
    verbose_name = "安全检查（测试）"

    def ready(self):
        from . import services

        services.register()
