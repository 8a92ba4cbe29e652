from django.urls import path

app_name = "ordinances"
urlpatterns: list = []
