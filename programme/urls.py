from django.urls import path

from programme import views

app_name = "programme"

urlpatterns = [
    path("agenda/", views.agenda, name="agenda"),
    path("agenda/draft/", views.agenda_preview, name="agenda_preview"),
    path("agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("schedule.json", views.schedule_json, name="schedule_json"),
    path("agenda/<slug:slug>/", views.session_detail, name="session"),
    path("agenda/<slug:slug>.ics", views.session_ics, name="session_ics"),
    path("speakers/", views.speaker_list, name="speakers"),
    path("speakers/<slug:slug>/", views.speaker_detail, name="speaker"),
    path("results/", views.result_list, name="results"),
    path("results/<slug:slug>/", views.result_detail, name="result"),
]
