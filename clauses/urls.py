from django.urls import path

from clauses import views

app_name = "clauses"
urlpatterns = [
    path("", views.library_index, name="index"),
    path("model/", views.model_view, name="model"),
    path("clauses/<slug:slug>/", views.clause_detail, name="clause_detail"),
]
