"""The programme's admin, a module per part of the work (each registers its
model admins when imported)."""

from programme.admin import agenda, results, sessions, speakers  # noqa: F401
