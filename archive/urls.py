from django.urls import path

from archive import views

app_name = "archive"

urlpatterns = [
    path("photos/", views.gallery, name="gallery"),
    path("photos/<int:pk>/", views.photo, name="photo"),
    path("certificates/<str:code>/", views.verify, name="verify"),
    path(
        "registration/<str:token>/certificate.pdf",
        views.certificate,
        name="certificate",
    ),
    path("registration/<str:token>/feedback/", views.feedback, name="feedback"),
]
