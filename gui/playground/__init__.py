"""The playground mode: data, network diagram, boundaries and loss curves."""
