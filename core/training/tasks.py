"""The kinds of learning task: they decide the output layer, the loss and the metrics."""

BINARY, MULTICLASS, REGRESSION, CURVE = "binary", "multiclass", "regression", "curve"
TASKS = (BINARY, MULTICLASS, REGRESSION, CURVE)
