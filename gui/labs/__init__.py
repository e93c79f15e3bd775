"""The learning labs: gradient descent, curve fitting, backpropagation step by step."""
