"""Bundled files shipped with the app; find them with ``core.util.resources.resource_path``."""
