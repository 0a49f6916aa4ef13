"""Ng's exercise 4 written out plainly, as the exercise's Octave does it, independent of worked.

Θ matrices with a bias column, a bias unit prepended to each layer's activations, the per-example
loop of backpropagation accumulating Δ, and D = Δ/m + (λ/m)Θ with the bias column left alone. This is
the oracle the ex4 wing is compared with; it shares no code with it.
"""

from __future__ import annotations

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def debug_initialize_weights(fan_out, fan_in):
    w = np.zeros((fan_out, 1 + fan_in))
    return np.reshape(np.sin(np.arange(1, w.size + 1)), w.shape, order="F") / 10


def nn_cost_function(theta1, theta2, x, labels, num_labels, lam):
    """J and the unrolled gradient [Theta1_grad(:); Theta2_grad(:)], as nnCostFunction.m."""
    m = x.shape[0]
    y = np.zeros((m, num_labels))
    for i, label in enumerate(labels):
        y[i, int(label) - 1] = 1.0
    a1 = np.hstack([np.ones((m, 1)), x])
    a2 = np.hstack([np.ones((m, 1)), sigmoid(a1 @ theta1.T)])
    h = sigmoid(a2 @ theta2.T)
    cost = np.sum(-y * np.log(h) - (1 - y) * np.log(1 - h)) / m
    cost += lam / (2 * m) * (np.sum(theta1[:, 1:] ** 2) + np.sum(theta2[:, 1:] ** 2))
    big_delta1, big_delta2 = np.zeros_like(theta1), np.zeros_like(theta2)
    for t in range(m):
        d3 = h[t] - y[t]
        z2 = a1[t] @ theta1.T
        d2 = (theta2[:, 1:].T @ d3) * sigmoid(z2) * (1 - sigmoid(z2))
        big_delta2 += np.outer(d3, a2[t])
        big_delta1 += np.outer(d2, a1[t])
    grad1, grad2 = big_delta1 / m, big_delta2 / m
    grad1[:, 1:] += lam / m * theta1[:, 1:]
    grad2[:, 1:] += lam / m * theta2[:, 1:]
    return cost, np.concatenate([grad1.ravel(order="F"), grad2.ravel(order="F")])


def check_nn_gradients(lam):
    """The two columns and the relative difference, as checkNNGradients.m computes them."""
    n_in, n_hidden, n_labels, m = 3, 5, 3, 5
    theta1, theta2 = debug_initialize_weights(n_hidden, n_in), debug_initialize_weights(n_labels, n_hidden)
    x = debug_initialize_weights(m, n_in - 1)
    labels = 1 + np.mod(np.arange(1, m + 1), n_labels)
    params = np.concatenate([theta1.ravel(order="F"), theta2.ravel(order="F")])

    def cost(p):
        t1 = p[: theta1.size].reshape(theta1.shape, order="F")
        t2 = p[theta1.size :].reshape(theta2.shape, order="F")
        return nn_cost_function(t1, t2, x, labels, n_labels, lam)

    grad = cost(params)[1]
    numgrad, perturb, e = np.zeros_like(params), np.zeros_like(params), 1e-4
    for p in range(params.size):
        perturb[p] = e
        loss1, loss2 = cost(params - perturb)[0], cost(params + perturb)[0]
        numgrad[p] = (loss2 - loss1) / (2 * e)
        perturb[p] = 0
    return numgrad, grad, np.linalg.norm(numgrad - grad) / np.linalg.norm(numgrad + grad)
