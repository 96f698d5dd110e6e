"""The guests' and journalists' pages, under the language prefix. An
invitation is reached only through its secret link."""

from django.urls import path

from invitations import views

app_name = "invitations"

urlpatterns = [
    path("invitation/<str:token>/", views.invitation, name="invitation"),
    path("invitation/<str:token>/accept/", views.accept, name="accept"),
    path("invitation/<str:token>/decline/", views.decline, name="decline"),
    path("press/", views.press_accreditation, name="press"),
    path("press/request-received/", views.press_received, name="press_received"),
]
