"""Qt views of Neural Playground.  Views draw snapshots; they never train."""
