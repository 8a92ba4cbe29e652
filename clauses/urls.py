from django.urls import path

from clauses import edition_views, editor_views, state_law_views, views

app_name = "clauses"
urlpatterns = [
    path("", views.library_index, name="index"),
    path("model/", views.model_view, name="model"),
    path("editions/", edition_views.edition_list, name="edition_list"),
    path("editions/new/", edition_views.edition_new, name="edition_new"),
    path("editions/<slug:slug>/", edition_views.edition_detail, name="edition_detail"),
    path("state-law/", state_law_views.state_law_list, name="state_law_list"),
    path("state-law/<str:postal>/", state_law_views.state_law_detail, name="state_law_detail"),
    path("clauses/<slug:slug>/", views.clause_detail, name="clause_detail"),
    path("clauses/<slug:slug>/compare/", views.clause_compare, name="clause_compare"),
    path("clauses/<slug:slug>/edit/", editor_views.clause_edit, name="clause_edit"),
    path("clauses/<slug:slug>/recommend/", editor_views.clause_recommend, name="clause_recommend"),
]
