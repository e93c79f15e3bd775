"""Learning facts from the notes, checked by actually training."""

import numpy as np
import pytest

from core.data.datasets import make_dataset, split_dataset
from core.nn.network import Network, NetworkSpec
from core.nn.optimizers import make_optimizer
from core.playground.features import feature_matrix
from core.training.trainer import Trainer


def make_trainer(dataset, hidden, features=("x1", "x2"), activation="tanh", optimizer="sgd",
                 lr=0.03, seed=0, noise=0.0, init="xavier", ratio=0.5, patience=None, n=500,
                 dtype="float32"):
    rng = np.random.default_rng(seed)
    data = make_dataset(dataset, n, noise, rng)
    train, test = split_dataset(data, ratio, rng)
    out = "sigmoid" if data.n_outputs == 1 else "softmax"
    spec = NetworkSpec(len(features), hidden, data.n_outputs, activation, out, init=init,
                       dtype=dtype)
    return Trainer(
        Network(spec, rng), make_optimizer(optimizer, learning_rate=lr), "cross_entropy",
        feature_matrix(train.X, features), train.targets(),
        feature_matrix(test.X, features), test.targets(),
        task=data.task, batch_size=10, rng=rng, patience=patience,
    )


def train_epochs(trainer, epochs):
    for _ in range(epochs):
        trainer.train_epoch()
    return trainer.evaluate()


def test_a_line_cannot_split_xor():
    m = train_epochs(make_trainer("xor", ()), 300)
    assert m.test_accuracy <= 0.65


def test_the_x1x2_feature_lets_a_line_split_xor():
    m = train_epochs(make_trainer("xor", (), features=("x1", "x2", "x1*x2")), 300)
    assert m.test_accuracy >= 0.95


def test_a_2_4_1_tanh_network_splits_xor():
    m = train_epochs(make_trainer("xor", (4,)), 300)
    assert m.test_accuracy >= 0.95


@pytest.mark.slow
def test_spiral_with_two_hidden_layers_of_eight():
    m = train_epochs(make_trainer("spiral", (8, 8), lr=0.3, ratio=0.8), 800)
    assert m.test_accuracy >= 0.9


def test_three_class_blobs_with_softmax():
    m = train_epochs(make_trainer("blobs3", (4,)), 100)
    assert m.test_accuracy >= 0.9


def test_huge_learning_rate_is_divergence_not_a_crash():
    trainer = make_trainer("circle", (8, 8), lr=1e6)
    trainer.run(1000)
    assert trainer.diverged is not None
    assert 0 < trainer.diverged.step < 1000
    assert "learning rate is too large" in trainer.diverged.message
    # The kept weights are those from before the update that blew up: a twin
    # trainer stopped one step earlier has exactly them.
    twin = make_trainer("circle", (8, 8), lr=1e6)
    twin.run(trainer.diverged.step - 1)
    assert np.array_equal(trainer.network.params, twin.network.params)
    assert np.isfinite(trainer.network.params).all()
    # Training refuses to continue rather than making things worse.
    steps = trainer.step_count
    trainer.run(10)
    assert trainer.step_count == steps


def test_nan_loss_is_detected_and_weights_stay_finite():
    trainer = make_trainer("xor", (4,))
    trainer.run(5)
    trainer.X_train[:] = np.nan  # corrupt inputs: the next loss is NaN
    trainer.set_data(trainer.X_train, trainer.T_train)
    trainer.step()
    assert trainer.diverged is not None and np.isnan(trainer.diverged.loss)
    assert "NaN" in trainer.diverged.message
    twin = make_trainer("xor", (4,))
    twin.run(4)
    assert np.array_equal(trainer.network.params, twin.network.params)


def test_zero_initialisation_keeps_hidden_neurons_identical():
    trainer = make_trainer("circle", (4,), init="zeros", lr=0.3)
    trainer.network.params[trainer.network.n_weights:] = 0
    train_epochs(trainer, 20)
    W = trainer.network.layers[0].W
    assert np.allclose(W, W[:, :1])  # every hidden neuron has the same weights


def test_same_seed_gives_bit_identical_weights():
    a = make_trainer("spiral", (8, 8), optimizer="adam", lr=0.01, seed=7)
    b = make_trainer("spiral", (8, 8), optimizer="adam", lr=0.01, seed=7)
    train_epochs(a, 20)
    train_epochs(b, 20)
    assert np.array_equal(a.network.params, b.network.params)
    c = make_trainer("spiral", (8, 8), optimizer="adam", lr=0.01, seed=8)
    train_epochs(c, 20)
    assert not np.array_equal(a.network.params, c.network.params)


def test_early_stopping_restores_the_best_epoch():
    trainer = make_trainer("spiral", (16, 16), optimizer="adam", lr=0.02, noise=0.5,
                           n=80, patience=10)
    for _ in range(2000):
        trainer.train_epoch()
        if trainer.stopped_early:
            break
    assert trainer.stopped_early
    test_loss = trainer.history.column("test_loss")
    best = int(np.nanargmin(test_loss))
    assert trainer.best_epoch == trainer.history.column("epoch")[best]
    assert trainer.evaluate().test_loss == pytest.approx(test_loss[best], rel=1e-5)


def test_float64_networks_train_like_float32():
    t64 = make_trainer("xor", (4,), dtype="float64")
    m64 = train_epochs(t64, 300)
    m32 = train_epochs(make_trainer("xor", (4,)), 300)
    assert t64.network.params.dtype == np.float64
    assert m64.test_accuracy >= 0.95
    assert m64.test_loss == pytest.approx(m32.test_loss, rel=1e-3)


def test_running_train_metrics_are_the_epochs_batch_means():
    """Digits report the epoch's training loss as the mean over its batches (no second pass)."""
    from core.digits.network import make_digits_trainer

    rng = np.random.default_rng(3)
    images = rng.integers(0, 256, (250, 28, 28)).astype(np.uint8)
    labels = rng.integers(0, 10, 250)
    trainer = make_digits_trainer((images, labels), (images[:50], labels[:50]), hidden=(16,),
                                  batch_size=64, l2=1e-3)
    assert trainer.running_train_metrics
    losses, sizes = [], []
    while trainer.epoch == 0:
        position = trainer._position % len(trainer.X_train)
        sizes.append(min(64, len(trainer.X_train) - position))
        losses.append(trainer.step())
    expected = np.average(losses, weights=sizes)  # 64, 64, 64, 58 samples
    net = trainer.network
    penalty = trainer.penalty.value(net.params[: net.n_weights])
    assert sizes == [64, 64, 64, 58]
    assert trainer.history.last("train_loss") == pytest.approx(expected + penalty, rel=1e-5)
    # The test set is still evaluated exactly, on the weights at the end of the epoch.
    assert trainer.history.last("test_loss") == pytest.approx(
        trainer.loss_on(trainer.X_test, trainer.T_test)[0], rel=1e-6)


def test_running_accuracy_counts_each_batch_as_its_probabilities_would():
    """Training stops at the logits (the fused loss applies the activation); accuracy must
    still count what the probabilities say, for a sigmoid and for a softmax."""
    from core.training.trainer import accuracy

    rng = np.random.default_rng(4)
    Z = rng.normal(size=(400, 1))
    T = (rng.random((400, 1)) > 0.5).astype(float)
    assert accuracy(Z, T, "binary", logits=True) == accuracy(1 / (1 + np.exp(-Z)), T, "binary")
    Z3 = rng.normal(size=(400, 3))
    T3 = np.eye(3)[rng.integers(0, 3, 400)]
    P3 = np.exp(Z3) / np.exp(Z3).sum(axis=1, keepdims=True)
    assert accuracy(Z3, T3, "multiclass", logits=True) == accuracy(P3, T3, "multiclass")
    trainer = make_trainer("xor", (4,))
    trainer.running_train_metrics = True
    correct = []
    while trainer.epoch == 0:
        X_before = trainer.network.params.copy()
        position = trainer._position % len(trainer.X_train)
        trainer.step()
        index = trainer._order[position:trainer._position]
        net = trainer.network
        saved = net.params.copy()
        net.params[...] = X_before  # the weights this batch was judged with
        out = net.predict(trainer.X_train[index])
        net.params[...] = saved
        correct.append(((out[:, 0] > 0.5) == (trainer.T_train[index, 0] > 0.5)).sum())
    assert trainer.history.last("train_accuracy") == pytest.approx(
        sum(correct) / len(trainer.X_train))
