"""The digits mode: draw a digit and watch the network recognise it."""
