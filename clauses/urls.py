from django.urls import path

app_name = "clauses"
urlpatterns: list = []
