"""Numpy-only neural-network core of Neural Playground.

Nothing in this package may import Qt or pyqtgraph: it runs headless for the
command line and the tests, and the GUI worker drives it from a thread.
"""
