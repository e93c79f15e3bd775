"""Bundled files shipped with the app; find them with ``core.resources.resource_path``."""
