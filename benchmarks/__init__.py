"""Measured performance, side by side with peers (not timed tests)."""
