"""Public registration pages, under the language prefix.

No URL carries a sequential id: a registration is reached only through a
secret token (see models.RegistrationToken).
"""

from django.urls import path

from registrations import desk_views, views

app_name = "registrations"

urlpatterns = [
    path("register/", views.register, name="register"),
    path("register/check-your-inbox/", views.check_inbox, name="check_inbox"),
    path("registration/<str:token>/", views.manage, name="manage"),
    path("registration/<str:token>/confirm/", views.confirm, name="confirm"),
    path("registration/<str:token>/cancel/", views.cancel, name="cancel"),
    path(
        "registration/<str:token>/leave-waiting-list/",
        views.leave_waiting_list,
        name="leave_waiting_list",
    ),
    path("registration/<str:token>/my-data.json", views.download_data, name="data"),
    # Staff pages of the registration desk.
    path("check-in/", desk_views.check_in_search, name="check_in_search"),
    path("desk/count.json", desk_views.check_in_count, name="check_in_count"),
    path("desk/sign-in-sheet/", desk_views.sign_in_sheet, name="sign_in_sheet"),
    path(
        "desk/check-in-list.<str:file_format>",
        desk_views.check_in_list,
        name="check_in_list",
    ),
    path("desk/badges/", desk_views.badges, name="badges"),
    path("desk/fonts/names.css", desk_views.desk_font_css, name="desk_font_css"),
    path("desk/fonts/names-<str:digest>.woff2", desk_views.desk_font, name="desk_font"),
    path("check-in/<str:token>/", desk_views.check_in, name="check_in"),
    path("privacy/", views.privacy, name="privacy"),
]
