"""The concepts of the notes, in the notes' order: what lessons say they teach.

A lesson lists the keys of the concepts it covers; the shipped course covers
every one, in this order.
"""

from __future__ import annotations

CONCEPTS: dict[str, tuple[str, str]] = {
    "neuron": ("a neuron: weighted sum + bias + activation", "神经元：加权和 + 偏置 + 激活函数"),
    "layer": ("a layer is a matrix product y = Wx + b", "一层就是矩阵乘法 y = Wx + b"),
    "activations": ("sigmoid, tanh and ReLU; saturation and vanishing gradients",
                    "sigmoid、tanh 与 ReLU；饱和与梯度消失"),
    "linear_classifier": ("a linear classifier is one line; the learning rate tilts it",
                          "线性分类器就是一条直线；学习率决定它转动的快慢"),
    "hidden_layers": ("one line is not enough: hidden layers, or features like x1·x2",
                      "一条直线不够：隐藏层，或 x1·x2 这样的特征"),
    "losses": ("squared error, absolute error and cross-entropy",
               "平方误差、绝对误差与交叉熵损失函数"),
    "gradient_descent": ("gradient descent and the learning rate", "梯度下降与学习率"),
    "minima": ("local and global minima depend on the start", "局部最小值与全局最小值取决于起点"),
    "loss_surface": ("the loss surface of two weights", "两个权重的损失曲面"),
    "curve_fitting": ("curve fitting: a line first, then a curve", "曲线拟合：先直线，再曲线"),
    "backprop": ("backpropagation: errors sent back through Wᵀ", "反向传播：误差经 Wᵀ 传回"),
    "computational_graph": ("the computational graph, forward and backward",
                            "计算图：前向与反向"),
    "digits": ("digits: 784 inputs, 10 outputs, counting parameters",
               "手写数字：784 个输入、10 个输出，数一数参数"),
    "initialisation": ("initialisation: small random weights, not zeros",
                       "初始化：小的随机权重，而不是全零"),
    "input_scaling": ("input scaling 0.01–0.99 and saturation", "输入缩放 0.01–0.99 与饱和"),
    "optimisers": ("optimisers: SGD, momentum, RMSProp, Adam", "优化器：SGD、动量、RMSProp、Adam"),
    "overfitting": ("training vs test error; under- and over-fitting",
                    "训练误差与测试误差；欠拟合与过拟合"),
    "regularisation": ("the cures: L1/L2, dropout, noise, early stopping, batch norm",
                       "对策：L1/L2 正则化、随机失活、噪声、提前停止、批归一化"),
    "generalisation": ("learning from labelled data, testing on unseen data",
                       "从带标签的数据学习，在没见过的数据上测试"),
    "challenge": ("a final challenge that combines them", "综合挑战"),
}
