"""The day grid in the admin: rooms as columns, time as rows, sessions as
blocks. Its views hang off the sessions' admin (SessionAdmin.get_urls): the
grid page, the endpoint a move or a resize is posted to, and the one a new
session is created through. Every change goes through programme.services.
"""

from programme.agenda_grid.create import create_view
from programme.agenda_grid.views import grid_view, move_view

__all__ = ["create_view", "grid_view", "move_view"]
