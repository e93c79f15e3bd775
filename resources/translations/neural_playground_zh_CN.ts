<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArchitectureBar</name>
    <message>
        <location filename="../../gui/playground/controls.py" line="302"/>
        <source>Add a hidden layer</source>
        <translation>添加一个隐藏层</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="305"/>
        <source>Remove the last hidden layer</source>
        <translation>删除最后一个隐藏层</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="323"/>
        <source>{0} hidden layers</source>
        <translation>{0} 个隐藏层</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="350"/>
        <source>One neuron fewer in layer {0}</source>
        <translation>第 {0} 层减少一个神经元</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="351"/>
        <source>One neuron more in layer {0}</source>
        <translation>第 {0} 层增加一个神经元</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="352"/>
        <source>{0} neurons</source>
        <translation>{0} 个神经元</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="355"/>
        <source>Layer {0}&apos;s activation function</source>
        <translation>第 {0} 层的激活函数</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <location filename="../../gui/worker/worker.py" line="114"/>
        <source>The background computation stopped unexpectedly.</source>
        <translation>后台计算意外停止了。</translation>
    </message>
</context>
<context>
    <name>BackpropPage</name>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="53"/>
        <source>2-2-1, sigmoid + squared error (the notes)</source>
        <translation>2-2-1，sigmoid + 平方误差（讲义中的例子）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="54"/>
        <source>2-3-2, softmax + cross-entropy</source>
        <translation>2-3-2，softmax + 交叉熵</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="58"/>
        <source>The network to follow: the notes&apos; 2-2-1 example, or a softmax classifier.</source>
        <translation>要跟踪的网络：笔记中的 2-2-1 例子，或一个 softmax 分类器。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="61"/>
        <source>An input value of the sample.</source>
        <translation>样本的一个输入值。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="62"/>
        <source>The answer the network should give.</source>
        <translation>网络应该给出的答案。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="63"/>
        <source>Learning rate of the update step.</source>
        <translation>更新步骤的学习率。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="66"/>
        <source>Next step ▸</source>
        <translation>下一步 ▸</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="67"/>
        <source>◂ Previous</source>
        <translation>◂ 上一步</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="68"/>
        <source>Apply the update</source>
        <translation>应用更新</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="69"/>
        <source>New random weights</source>
        <translation>新的随机权重</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="70"/>
        <source>Compute the next number, forward then backward.</source>
        <translation>计算下一个数：先前向，再反向。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="71"/>
        <source>Go back one step.</source>
        <translation>后退一步。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="72"/>
        <source>Subtract learning rate × gradient from every weight, then start the next sample.</source>
        <translation>从每个权重中减去 学习率 × 梯度，然后开始下一个样本。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="74"/>
        <source>Start from other random weights.</source>
        <translation>从另一组随机权重开始。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="81"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="81"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="81"/>
        <source>dL/dw (backprop)</source>
        <translation>dL/dw（反向传播）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="82"/>
        <source>dL/dw (finite difference)</source>
        <translation>dL/dw（有限差分）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="104"/>
        <source>x1</source>
        <translation>x1</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="104"/>
        <source>x2</source>
        <translation>x2</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="105"/>
        <source>target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="106"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="95"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="96"/>
        <source>Computational graph</source>
        <translation>计算图</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="97"/>
        <source>Every ×, + and activation as a node: step the values forward and the gradients back by the chain rule.</source>
        <translation>每个 ×、+ 和激活函数都是一个节点：按步骤看数值向前传播，梯度按链式法则向后传播。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="183"/>
        <source>Updated: loss {0:.5f} → {1:.5f}. Step through again to see the next round.</source>
        <translation>已更新：损失 {0:.5f} → {1:.5f}。再逐步执行一遍，看下一轮。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="210"/>
        <source>The sample</source>
        <translation>样本</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="211"/>
        <source>inputs x = [{0}]
target t = [{1}]</source>
        <translation>输入 x = [{0}]
目标 t = [{1}]</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="216"/>
        <source>Forward, layer {0}: weighted sums, then {1}</source>
        <translation>前向传播，第 {0} 层：先求加权和，再经过 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="224"/>
        <source>The loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="227"/>
        <source>output o = [{0}]</source>
        <translation>输出 o = [{0}]</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="231"/>
        <source>Backward: the error δ of layer {0}</source>
        <translation>反向传播：第 {0} 层的误差 δ</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="240"/>
        <source>Gradients: dL/dW = a_prev · δ, dL/db = δ</source>
        <translation>梯度：dL/dW = a_prev · δ，dL/db = δ</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="243"/>
        <source>Every weight&apos;s gradient is in the table, beside the finite-difference estimate (L(w+h) − L(w−h)) / 2h.
Largest difference: {0:.2e}.
Apply the update: w ← w − {1} · dL/dw; the loss becomes {2:.6f} (was {3:.6f}).</source>
        <translation>每个权重的梯度都列在表中，旁边是有限差分估计 (L(w+h) − L(w−h)) / 2h。
最大差异：{0:.2e}。
应用更新：w ← w − {1} · dL/dw；损失变为 {2:.6f}（原为 {3:.6f}）。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/backprop_page.py" line="248"/>
        <source>Step {0} of {1}: {2}</source>
        <translation>第 {0} 步，共 {1} 步：{2}</translation>
    </message>
</context>
<context>
    <name>ComputeGraphView</name>
    <message>
        <location filename="../../gui/labs/compute_graph_view.py" line="50"/>
        <source>◂ Back</source>
        <translation>◂ 上一步</translation>
    </message>
    <message>
        <location filename="../../gui/labs/compute_graph_view.py" line="51"/>
        <source>Next ▸</source>
        <translation>下一步 ▸</translation>
    </message>
    <message>
        <location filename="../../gui/labs/compute_graph_view.py" line="52"/>
        <source>Hide the last number computed.</source>
        <translation>隐藏最后算出的那个数。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/compute_graph_view.py" line="53"/>
        <source>Compute the next node: values forward, then gradients backward.</source>
        <translation>计算下一个节点：先向前算值，再向后算梯度。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/compute_graph_view.py" line="146"/>
        <source>Next ▸ computes the graph one node at a time: first every value (blue), then every gradient ∂L/∂node (orange) by the chain rule.</source>
        <translation>“下一步 ▸”每次计算图中的一个节点：先算出每个值（蓝色），再用链式法则算出每个梯度 ∂L/∂节点（橙色）。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/compute_graph_view.py" line="171"/>
        <source>the loss of the outputs against the targets</source>
        <translation>输出相对于目标的损失</translation>
    </message>
    <message>
        <location filename="../../gui/labs/compute_graph_view.py" line="175"/>
        <source>Forward: {0} = {1} = {2}</source>
        <translation>前向：{0} = {1} = {2}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/compute_graph_view.py" line="182"/>
        <source>Backward starts at the loss: ∂L/∂L = 1.</source>
        <translation>反向传播从损失开始：∂L/∂L = 1。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/compute_graph_view.py" line="187"/>
        <source>Backward (chain rule): ∂L/∂{0} = {1} = {2} = {3}</source>
        <translation>反向（链式法则）：∂L/∂{0} = {1} = {2} = {3}</translation>
    </message>
</context>
<context>
    <name>ConfusionGrid</name>
    <message>
        <location filename="../../gui/playground/confusion_view.py" line="64"/>
        <source>predicted class</source>
        <translation>预测类别</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_view.py" line="64"/>
        <source>true class</source>
        <translation>真实类别</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_view.py" line="206"/>
        <source>1 point of class {0} was taken for class {1}</source>
        <translation>类别 {0} 的 1 个点被当成了类别 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_view.py" line="208"/>
        <source>{0} points of class {1} were taken for class {2}</source>
        <translation>类别 {1} 的 {0} 个点被当成了类别 {2}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_view.py" line="210"/>
        <source>{0} of the {1} points of class {2} were recognised (recall {3})</source>
        <translation>类别 {2} 的 {1} 个点中有 {0} 个被认出（召回率 {3}）</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_view.py" line="213"/>
        <source>{0} of the {1} answers “class {2}” were right (precision {3})</source>
        <translation>{1} 个“类别 {2}”的回答中有 {0} 个正确（精确率 {3}）</translation>
    </message>
</context>
<context>
    <name>ConfusionView</name>
    <message>
        <location filename="../../gui/digits/results_views.py" line="76"/>
        <location filename="../../gui/playground/confusion_view.py" line="226"/>
        <source>Confusion matrix</source>
        <translation>混淆矩阵</translation>
    </message>
    <message>
        <location filename="../../gui/digits/results_views.py" line="77"/>
        <source>Train a model to see which digits it confuses.</source>
        <translation>训练一个模型后，这里会显示它把哪些数字混淆了。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/results_views.py" line="79"/>
        <source>true digit</source>
        <translation>真实数字</translation>
    </message>
    <message>
        <location filename="../../gui/digits/results_views.py" line="80"/>
        <source>predicted</source>
        <translation>预测数字</translation>
    </message>
    <message>
        <location filename="../../gui/digits/results_views.py" line="81"/>
        <source>How many validation digits of each true digit (row) were taken for each digit (column); the diagonal is right.</source>
        <translation>每个真实数字（行）的验证样本被认成各个数字（列）的数量；对角线上是认对的。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_view.py" line="228"/>
        <source>The network&apos;s confusion matrix. Rows: each point&apos;s true class; columns: the class the network answered. The diagonal counts right answers, every other cell one kind of mistake. Hover a cell for its meaning; click it to mark its points on the network&apos;s plot.</source>
        <translation>网络的混淆矩阵。行：每个点的真实类别；列：网络给出的类别。对角线是答对的数目，其他每一格是一种错误。悬停查看含义；点击可在网络的图上标出这些点。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_view.py" line="234"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_view.py" line="235"/>
        <source>Test</source>
        <translation>测试</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_view.py" line="238"/>
        <source>Count the training points or the held-out test points.</source>
        <translation>统计训练点或留出的测试点。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/confusion_view.py" line="276"/>
        <source>There are no test points.</source>
        <translation>没有测试点。</translation>
    </message>
</context>
<context>
    <name>ControlsBar</name>
    <message>
        <location filename="../../gui/playground/controls.py" line="127"/>
        <source>Reset: new random weights (R)</source>
        <translation>重置：新的随机权重（R）</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="134"/>
        <source>Play / pause training (Space)</source>
        <translation>开始 / 暂停训练（空格）</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="137"/>
        <source>One training step (→)</source>
        <translation>训练一步（→）</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="158"/>
        <source>How far each step moves the weights, in proportion to the slope. Too small crawls; too large overshoots and can explode.</source>
        <translation>每一步按斜率成比例地移动权重的幅度。太小则进展缓慢；太大则会越过最小值，甚至发散。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="161"/>
        <source>The squashing function of every hidden layer (each layer can also have its own, next to its neurons). Changing it restarts training.</source>
        <translation>所有隐藏层的激活函数（每层也可以在其神经元旁单独设置）。更改后会重新开始训练。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="164"/>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="164"/>
        <source>squared error</source>
        <translation>平方误差</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="165"/>
        <source>absolute error</source>
        <translation>绝对误差</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="166"/>
        <source>What the network minimises. Absolute error has the same slope everywhere, so it never slows down near 0.</source>
        <translation>网络要最小化的量。绝对误差的斜率处处相同，所以在接近 0 时也不会减速。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="169"/>
        <source>How the gradient becomes a step: plain SGD, with momentum, or with per-weight rates.</source>
        <translation>梯度如何变成一步：普通随机梯度下降、带动量，或为每个权重单独调整学习率。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="206"/>
        <source>Show the optimiser&apos;s own settings</source>
        <translation>显示优化器自身的参数</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="172"/>
        <source>How the starting weights are drawn. Try &apos;zeros&apos; to see every hidden neuron stay identical.</source>
        <translation>初始权重的取法。试试“zeros”（全零），会看到所有隐藏神经元始终一模一样。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="192"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="195"/>
        <source>Penalise large weights: L2 shrinks all of them, L1 pushes unneeded ones to zero.</source>
        <translation>惩罚过大的权重：L2 让所有权重缩小，L1 把不需要的权重推向零。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="197"/>
        <source>How strongly weights are penalised.</source>
        <translation>对权重惩罚的强度。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="175"/>
        <source>During training, switch off this fraction of hidden neurons at random, so none can be relied on alone.</source>
        <translation>训练时随机关闭这一比例的隐藏神经元，使网络不能只依赖某一个神经元。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="178"/>
        <source>Jiggle every training input a little at random: the network cannot memorise exact points.</source>
        <translation>给每个训练输入加一点随机扰动：网络就无法死记硬背精确的数据点。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="249"/>
        <source>on</source>
        <translation>开</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="181"/>
        <source>Normalise each hidden neuron&apos;s weighted sum over the batch (batch normalisation). Switching it changes how the network learns from now on, not what it answers now.</source>
        <translation>在每个批次上标准化每个隐藏神经元的加权和（批归一化）。切换它改变的是网络从现在起如何学习，而不是它现在给出的答案。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="185"/>
        <source>Normalise each hidden layer&apos;s weighted sums within each sample (layer normalisation): no batch needed. Switching it keeps nearly the same answers (a fit, not exact); batch norm goes off.</source>
        <translation>在每个样本内部对每个隐藏层的加权和做归一化（层归一化）：不需要批次。切换时网络的回答几乎不变（拟合而成，并不精确）；批归一化会关闭。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="198"/>
        <source>max</source>
        <translation>最快</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="201"/>
        <source>Training steps per frame, about 30 frames a second: 1 lets you follow every step; &apos;max&apos; trains as fast as the machine allows.</source>
        <translation>每帧的训练步数（约每秒 30 帧）：1 可以看清每一步；“最快”按机器的最快速度训练。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="218"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="219"/>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="220"/>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="221"/>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="222"/>
        <source>Initialiser</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="223"/>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="224"/>
        <source>Regularisation rate</source>
        <translation>正则化强度</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="225"/>
        <source>Dropout</source>
        <translation>Dropout（随机失活）</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="226"/>
        <source>Input noise</source>
        <translation>输入噪声</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="227"/>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="228"/>
        <source>Layer norm</source>
        <translation>层归一化</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="229"/>
        <source>Steps per frame</source>
        <translation>每帧步数</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="270"/>
        <source>Epoch {0}</source>
        <translation>轮次 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/controls.py" line="271"/>
        <source>step {0}</source>
        <translation>第 {0} 步</translation>
    </message>
</context>
<context>
    <name>CurveFitPage</name>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="61"/>
        <source>The curve the points come from.</source>
        <translation>生成这些点的曲线。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="63"/>
        <source>How far the points scatter around the curve.</source>
        <translation>点在曲线周围散布的程度。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="67"/>
        <source>squared error</source>
        <translation>平方误差</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="68"/>
        <source>absolute error</source>
        <translation>绝对误差</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="71"/>
        <source>Learning rate: how far each step moves the weights. Watch the red line: small rates tilt it slowly, large ones make it swing.</source>
        <translation>学习率：每一步让权重移动多远。看那条红线：学习率小，它倾斜得慢；学习率大，它会来回摆动。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="74"/>
        <source>How each step is made from the slope: plain SGD, with momentum, or scaled per weight (Adam, …).</source>
        <translation>每一步如何由斜率得到：普通 SGD、带动量，或按每个权重缩放（Adam 等）。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="69"/>
        <source>Squared error chases outliers; absolute error ignores them more.</source>
        <translation>平方误差会追逐离群点；绝对误差更不受其影响。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="77"/>
        <source>Hidden neurons: each adds one bend to the curve.</source>
        <translation>隐藏神经元：每个神经元给曲线增加一处弯曲。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="80"/>
        <source>Show each hidden neuron&apos;s part</source>
        <translation>显示每个隐藏神经元的贡献</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="81"/>
        <location filename="../../gui/labs/curve_fit_page.py" line="149"/>
        <source>Fit</source>
        <translation>拟合</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="82"/>
        <source>Start over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="83"/>
        <source>Draw each hidden neuron&apos;s contribution: the curve is their sum plus a bias.</source>
        <translation>画出每个隐藏神经元的贡献：曲线是它们的和再加上偏置。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="85"/>
        <source>Fit the line and the network to the points by gradient descent.</source>
        <translation>用梯度下降让直线和网络拟合这些点。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="87"/>
        <source>New random weights for both models.</source>
        <translation>为两个模型重新随机初始化权重。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="105"/>
        <source>line y = ax + b</source>
        <translation>直线 y = ax + b</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="106"/>
        <source>network</source>
        <translation>神经网络</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="107"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="112"/>
        <source>Points</source>
        <translation>数据点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="112"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="113"/>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="114"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="115"/>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="116"/>
        <source>Hidden neurons</source>
        <translation>隐藏神经元</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="122"/>
        <source>Left-click adds a point, drag moves one, right-click removes it. The red line can only tilt and shift; the blue network bends.</source>
        <translation>左键添加数据点，拖动可移动，右键删除。红色直线只能倾斜和平移；蓝色的神经网络可以弯曲。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="149"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_fit_page.py" line="174"/>
        <source>red line: y = {0:.3f}·x {1} {2:.3f}    (step {3})</source>
        <translation>红线：y = {0:.3f}·x {1} {2:.3f}    （第 {3} 步）</translation>
    </message>
</context>
<context>
    <name>CurveLab</name>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="68"/>
        <source>The cost curve to walk down; some have more than one valley.</source>
        <translation>要往下走的代价曲线；有些曲线不止一个谷底。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="70"/>
        <source>bowl (w−5)²</source>
        <translation>碗形 (w−5)²</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="70"/>
        <source>absolute |w−5|</source>
        <translation>绝对值 |w−5|</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="71"/>
        <source>double well (local + global minimum)</source>
        <translation>双势阱（局部最小值 + 全局最小值）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="72"/>
        <source>flat plateau</source>
        <translation>平坦高原</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="76"/>
        <source>Type your own cost in w: + − × ÷ ^, sin, cos, exp, abs, log, sqrt, tanh</source>
        <translation>输入你自己的关于 w 的代价函数：+ − × ÷ ^、sin、cos、exp、abs、log、sqrt、tanh</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="84"/>
        <location filename="../../gui/labs/curve_lab.py" line="169"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="85"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="81"/>
        <source>Learning rate: each step moves by this times the slope. Too large overshoots and bounces.</source>
        <translation>学习率：每一步移动的距离等于它乘以斜率。太大会越过最低点来回跳动。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="86"/>
        <source>Walk downhill step after step.</source>
        <translation>一步一步往下走。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="87"/>
        <source>Take one step.</source>
        <translation>走一步。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="95"/>
        <source>cost</source>
        <translation>代价</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="115"/>
        <source>Cost curve</source>
        <translation>代价曲线</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="117"/>
        <source>or type one</source>
        <translation>或自行输入</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="124"/>
        <source>Click the plot to choose the starting w.</source>
        <translation>点击图中位置选择起始的 w。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="169"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="187"/>
        <source>global minimum</source>
        <translation>全局最小值</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="187"/>
        <source>local minimum</source>
        <translation>局部最小值</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="198"/>
        <source>Learning rate α = {0}</source>
        <translation>学习率 α = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="230"/>
        <source>step {0}: w = {1}, cost = {2}, slope = {3}
next move = −α × slope = −{4:g} × {3} = {5}
{6}</source>
        <translation>第 {0} 步：w = {1}，代价 = {2}，斜率 = {3}
下一步移动 = −α × 斜率 = −{4:g} × {3} = {5}
{6}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="254"/>
        <source>off the plot: w = {0}</source>
        <translation>已超出图外：w = {0}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="272"/>
        <source>Settled in the global minimum at w = {0} (cost {1}).</source>
        <translation>已停在全局最小值 w = {0}（代价 {1}）。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="275"/>
        <source> The global minimum is at w = {0} (cost {1}).</source>
        <translation>全局最小值在 w = {0}（代价 {1}）。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="277"/>
        <source>Settled in a local minimum at w = {0} (cost {1}): the slope is 0 here, so it never finds lower ground.</source>
        <translation>停在了局部最小值 w = {0}（代价 {1}）：这里斜率为 0，所以它再也找不到更低的地方。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="262"/>
        <source>Diverging: each step overshoots further — lower the learning rate.</source>
        <translation>发散：每一步都越冲越远——请降低学习率。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="265"/>
        <source>Oscillating: the steps jump across the minimum.</source>
        <translation>振荡：每一步都跳过了最小值。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="267"/>
        <source>Crawling: steps are tiny — the learning rate (or the slope) is small.</source>
        <translation>爬行：步子很小——学习率（或斜率）太小。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/curve_lab.py" line="268"/>
        <source>Converging: the slope shrinks, so the steps shrink too.</source>
        <translation>收敛：斜率变小，步子也随之变小。</translation>
    </message>
</context>
<context>
    <name>DataPanel</name>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="105"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="108"/>
        <source>Classification</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="109"/>
        <source>Regression</source>
        <translation>回归</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="110"/>
        <source>Classification sorts points into classes; regression predicts a number for every point.</source>
        <translation>分类把数据点分到各个类别；回归为每个点预测一个数值。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="137"/>
        <source>Pick a data set. Spirals need more neurons (or sin/cos features) than circles.</source>
        <translation>选择一个数据集。螺旋比圆形需要更多神经元（或 sin/cos 特征）。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="164"/>
        <source>The share of points used for training; the rest test the network on points it never saw.</source>
        <translation>用于训练的点所占的比例；其余的点用来测试网络在没见过的点上的表现。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="168"/>
        <source>Scatter the points: noisy data tempts a big network to learn the noise (over-fitting).</source>
        <translation>让点更分散：有噪声的数据会诱使大网络去学习噪声（过拟合）。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="172"/>
        <source>Points per gradient step. Small batches are noisy but take many steps; large ones are smooth but slow.</source>
        <translation>每个梯度步使用的数据点数。小批量噪声大但步数多；大批量平稳但慢。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="176"/>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="116"/>
        <source>Regenerate</source>
        <translation>重新生成</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="117"/>
        <source>New random points from the same distribution; the network keeps training.</source>
        <translation>从同一分布重新抽取随机点；网络继续训练。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="120"/>
        <source>Show test data</source>
        <translation>显示测试数据</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="121"/>
        <source>Draw the held-out test points (dark outline) that measure how well the network generalises.</source>
        <translation>显示留出的测试点（深色描边），它们衡量网络的泛化能力。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="123"/>
        <source>Discretize output</source>
        <translation>离散化输出</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="124"/>
        <source>Colour each region by the predicted class only, hiding how confident the model is.</source>
        <translation>只按预测的类别给区域着色，不显示模型的置信程度。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="140"/>
        <source>Formula…</source>
        <translation>公式…</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="153"/>
        <source>f(x1,x2) =</source>
        <translation>f(x1,x2) =</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="153"/>
        <source>e.g. x1*x2</source>
        <translation>例如 x1*x2</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="154"/>
        <source>A formula in x1 and x2 (−6 to 6): numbers, + − * / ^, brackets and sin, cos, exp, abs, log, sqrt, tanh. Press Enter to make the points.</source>
        <translation>关于 x1 和 x2（−6 到 6）的公式：可用数字、+ − * / ^、括号以及 sin、cos、exp、abs、log、sqrt、tanh。按回车生成数据点。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="181"/>
        <source>Custom feature f(x1,x2)</source>
        <translation>自定义特征 f(x1,x2)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="182"/>
        <source>e.g. sin(x1*x2)</source>
        <translation>例如 sin(x1*x2)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="183"/>
        <source>Enter adds this formula as one more input of the network, next to x1, x2, x1², …; an empty line removes it.</source>
        <translation>按回车将此公式作为网络的又一个输入（与 x1、x2、x1² 等并列）；清空则移除。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="190"/>
        <source>Edit points</source>
        <translation>编辑数据点</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="193"/>
        <source>The class a left-click adds.</source>
        <translation>左键单击时添加的类别。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="195"/>
        <source>The value (−1 to 1) a left-click adds.</source>
        <translation>左键单击时添加的数值（−1 到 1）。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="199"/>
        <source>Left-click a plot to add a point, right-click to remove the nearest.</source>
        <translation>在图上左键添加数据点，右键删除最近的点。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="202"/>
        <source>New point&apos;s class</source>
        <translation>新数据点的类别</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="204"/>
        <source>New point&apos;s value</source>
        <translation>新数据点的数值</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="207"/>
        <source>Import CSV…</source>
        <translation>导入 CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="208"/>
        <source>Load points from a CSV file: x1, x2 and a label per line.</source>
        <translation>从 CSV 文件载入点：每行 x1、x2 和一个标签。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="210"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="211"/>
        <source>Save the training and test points, including the ones you added, as CSV.</source>
        <translation>把训练点和测试点（包括你添加的点）保存为 CSV。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="269"/>
        <source>class {0}</source>
        <translation>类别 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="282"/>
        <source>Each point&apos;s value is f(x1,x2).</source>
        <translation>每个点的值为 f(x1,x2)。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="283"/>
        <source>Class by sign: class 1 where f(x1,x2) &gt; 0, else class 0.</source>
        <translation>按符号分类：f(x1,x2) &gt; 0 处为类别 1，否则为类别 0。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="298"/>
        <source>Training data: {0}%</source>
        <translation>训练数据：{0}%</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="299"/>
        <source>Noise: {0}</source>
        <translation>噪声：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="349"/>
        <source>Type a formula here first, then press Enter.</source>
        <translation>请先在此输入公式，然后按回车。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/data_panel.py" line="360"/>
        <source>the network needs another input before this one can go</source>
        <translation>网络还需要另一个输入，才能移除这个</translation>
    </message>
</context>
<context>
    <name>DescentPage</name>
    <message>
        <location filename="../../gui/labs/descent_page.py" line="22"/>
        <source>1D: one weight</source>
        <translation>一维：一个权重</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent_page.py" line="23"/>
        <source>2D: two weights, six optimisers</source>
        <translation>二维：两个权重，六种优化器</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent_page.py" line="32"/>
        <source>Pick a surface, click the map where to start, then press Play.</source>
        <translation>选择一个曲面，在图上点击起点，然后按“播放”。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/descent_page.py" line="33"/>
        <source>Pick a curve, click where to start, then press Play.</source>
        <translation>选择一条曲线，点击起点，然后按“播放”。</translation>
    </message>
</context>
<context>
    <name>DigitsPage</name>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="200"/>
        <source>28×28 input</source>
        <translation>28×28 输入</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="175"/>
        <source>Pen width. MNIST digits are drawn with a thick pen; a thin line looks faint after shrinking to 28×28.</source>
        <translation>笔的粗细。MNIST 数字是用粗笔写的；细线缩小到 28×28 后会显得很淡。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="177"/>
        <source>Eraser</source>
        <translation>橡皮擦</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="178"/>
        <source>Draw with the eraser, or erase with the right button.</source>
        <translation>用橡皮擦书写，或用右键擦除。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="179"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="180"/>
        <source>Take back the last stroke.</source>
        <translation>撤销最后一笔。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="181"/>
        <source>Clear (Esc)</source>
        <translation>清除（Esc）</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="182"/>
        <source>Empty the canvas (Esc).</source>
        <translation>清空画布（Esc）。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="246"/>
        <source>Open model…</source>
        <translation>打开模型…</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="247"/>
        <source>Recognise with a network saved before (a .npz file with 784 inputs and 10 outputs).</source>
        <translation>使用以前保存的网络来识别（784 个输入、10 个输出的 .npz 文件）。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="269"/>
        <source>How many of your own digits the network in training gets right, after each epoch; counted apart from the MNIST validation accuracy, since your digits are in the training set.</source>
        <translation>每轮训练后，网络认对了你的多少个数字；与 MNIST 验证准确率分开计算，因为你的数字在训练集中。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="297"/>
        <source>Added your drawing as a {0}; it is in the training set from the next step (Undo brings the drawing back).</source>
        <translation>已把你的画作为 {0} 加入；从下一步起它就在训练集中（“撤销”可找回这幅画）。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="379"/>
        <source>click a neuron</source>
        <translation>点击一个神经元</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="382"/>
        <source>Click a neuron of the first hidden layer to see the 784 weights it multiplies the pixels by — what it looks for.</source>
        <translation>点击第一个隐藏层的某个神经元，查看它与像素相乘的 784 个权重——也就是它在“寻找”什么。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="186"/>
        <source>Brush</source>
        <translation>笔刷</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="253"/>
        <source>One neuron</source>
        <translation>单个神经元</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="227"/>
        <source>Watch the network think: every neuron&apos;s activation for your drawing (blue = high). The brightest output is the network&apos;s choice.</source>
        <translation>看网络如何“思考”：每个神经元对你的手写数字的激活值（蓝色 = 高）。最亮的输出就是网络的答案。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="158"/>
        <source>Draw and recognise</source>
        <translation>手写与识别</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="159"/>
        <source>Train on MNIST</source>
        <translation>在 MNIST 上训练</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="314"/>
        <location filename="../../gui/digits/digits_page.py" line="317"/>
        <source>Cannot open model</source>
        <translation>无法打开模型</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="318"/>
        <source>{0} is not a digits model (784 inputs, 10 outputs).</source>
        <translation>{0} 不是手写数字模型（需要 784 个输入、10 个输出）。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="333"/>
        <source>Model: {0} ({1}, {2} parameters)</source>
        <translation>模型：{0}（{1}，{2} 个参数）</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="339"/>
        <source>trained in this window</source>
        <translation>在本窗口中训练</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="349"/>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="350"/>
        <source>Models (*.npz)</source>
        <translation>模型 (*.npz)</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="214"/>
        <location filename="../../gui/digits/digits_page.py" line="364"/>
        <source>draw a digit</source>
        <translation>请写一个数字</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="367"/>
        <source>{0:.0%} sure</source>
        <translation>把握 {0:.0%}</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="391"/>
        <source>layer {0}, neuron {1}</source>
        <translation>第 {0} 层，神经元 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="396"/>
        <source>Blue pixels raise its sum, orange ones lower it.</source>
        <translation>蓝色像素使加权和变大，橙色像素使其变小。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="399"/>
        <source>Its weights from the previous layer&apos;s neurons.</source>
        <translation>它来自上一层各神经元的权重。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="401"/>
        <source>weighted sum Σwᵢxᵢ + b = {0:.3f} (bias {1:.3f})
{2}(sum) = {3:.3f}
{4}</source>
        <translation>加权和 Σwᵢxᵢ + b = {0:.3f}（偏置 {1:.3f}）
{2}(加权和) = {3:.3f}
{4}</translation>
    </message>
</context>
<context>
    <name>DigitsTrainingPanel</name>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="101"/>
        <source>Neurons per hidden layer, comma-separated</source>
        <translation>每个隐藏层的神经元数，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="98"/>
        <source>Ready-made hidden layer sizes, from one small layer to a deep network.</source>
        <translation>预设的隐藏层大小，从一个小层到一个深层网络。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="103"/>
        <source>The squashing function of the hidden neurons. Try sigmoid: deep sigmoid networks learn slowly.</source>
        <translation>隐藏神经元的压缩（激活）函数。试试 sigmoid：深层 sigmoid 网络学得很慢。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="106"/>
        <source>How each step is taken: plain SGD, with momentum, or adaptive per weight (RMSProp, Adam).</source>
        <translation>每一步怎样走：普通 SGD、带动量，或对每个权重自适应（RMSProp、Adam）。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="109"/>
        <source>The step size. Adam works well near 0.001; plain SGD wants larger steps.</source>
        <translation>步长。Adam 在 0.001 附近效果好；普通 SGD 需要更大的步长。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="114"/>
        <source>Digits per gradient step: larger batches give smoother, faster epochs but fewer steps.</source>
        <translation>每个梯度步骤使用的数字个数：批次越大，每轮越平稳越快，但步数越少。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="117"/>
        <source>Passes over the training digits. When the validation accuracy stops rising, more epochs only over-fit.</source>
        <translation>遍历训练数字的轮数。当验证准确率不再上升时，更多的轮数只会过拟合。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="120"/>
        <source>L2 penalty: pulls every weight towards zero, a cure for over-fitting.</source>
        <translation>L2 惩罚：把每个权重拉向零，是治疗过拟合的一种方法。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="122"/>
        <source>Switch off this share of hidden neurons at random in each step, so no neuron can rely on another.</source>
        <translation>每一步随机关闭这一比例的隐藏神经元，使任何神经元都不能依赖其他神经元。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="125"/>
        <source>Move each training digit by up to this many pixels: more varied data, less over-fitting.</source>
        <translation>把每个训练数字随机平移至多这么多像素：数据更多样，过拟合更少。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="128"/>
        <source>Turn each training digit by up to this angle.</source>
        <translation>把每个训练数字随机旋转至多这个角度。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="129"/>
        <source>Add random noise to each training pixel.</source>
        <translation>给每个训练像素加上随机噪声。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="137"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="138"/>
        <source>Learn from fewer digits: with few examples a large network memorises them and the validation loss turns up (over-fitting).</source>
        <translation>用更少的数字学习：样本很少时，大网络会把它们背下来，验证损失随之上升（过拟合）。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="130"/>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="131"/>
        <source> epochs</source>
        <translation> 轮</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="132"/>
        <source>Early stopping: stop when the validation loss has not improved for this many epochs, and put back the weights of its best epoch.</source>
        <translation>提前停止：验证损失连续这么多轮没有改善时停止，并恢复最佳一轮的权重。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="141"/>
        <source>The notes scale pixels to 0.01–0.99 so no input is exactly zero.</source>
        <translation>讲义把像素缩放到 0.01–0.99，这样没有输入恰好为零。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="144"/>
        <source>Which digits to learn from: the 5,000 that ship with the app, standard IDX files from a folder, or the full sets downloaded (checked by SHA-256).</source>
        <translation>从哪些数字学习：应用自带的 5,000 个、文件夹中的标准 IDX 文件，或下载的完整数据集（用 SHA-256 校验）。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="146"/>
        <source>Bundled 5,000 MNIST digits</source>
        <translation>内置的 5,000 个 MNIST 数字</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="147"/>
        <source>IDX files in a folder…</source>
        <translation>文件夹中的 IDX 文件…</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="148"/>
        <source>Download MNIST (60,000)</source>
        <translation>下载 MNIST（60,000 个）</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="149"/>
        <source>Download Fashion-MNIST</source>
        <translation>下载 Fashion-MNIST</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="184"/>
        <source>Preset</source>
        <translation>预设</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="184"/>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="185"/>
        <source>Activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="185"/>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="186"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="186"/>
        <source>Batch size</source>
        <translation>批量大小</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="187"/>
        <source>Epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="187"/>
        <source>Training digits</source>
        <translation>训练数字数</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="188"/>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="188"/>
        <source>Stop early after</source>
        <translation>提前停止于</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="189"/>
        <source>Dropout</source>
        <translation>Dropout（随机失活）</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="189"/>
        <source>Random shift</source>
        <translation>随机平移</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="190"/>
        <source>Random rotation</source>
        <translation>随机旋转</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="190"/>
        <source>Pixel noise</source>
        <translation>像素噪声</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="191"/>
        <source>Input scaling</source>
        <translation>输入缩放</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="191"/>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="197"/>
        <source>↺ changing this starts training over from epoch 0 with new weights; the other settings act at once.</source>
        <translation>↺ 更改此项会用新的权重从第 0 轮重新开始训练；其他设置立即生效。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="154"/>
        <location filename="../../gui/digits/training_panel.py" line="414"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="155"/>
        <source>Start or pause training; each finished epoch goes to the canvas.</source>
        <translation>开始或暂停训练；每完成一轮，结果就交给画布使用。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="157"/>
        <source>Start over</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="158"/>
        <source>New random weights, epoch 0.</source>
        <translation>重新随机初始化权重，从第 0 轮开始。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="159"/>
        <source>Save model…</source>
        <translation>保存模型…</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="160"/>
        <source>Save the trained network (.npz) to open it later or on the canvas.</source>
        <translation>保存训练好的网络（.npz），以后或在画布上打开。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="162"/>
        <source>Over-fitting example</source>
        <translation>过拟合示例</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="164"/>
        <source>500 digits, a wide network, 40 epochs and no cure: watch the validation loss turn up. Then cure it with L2, dropout, random shifts or early stopping.</source>
        <translation>500 个数字、一个宽网络、40 轮且不加任何防治：看验证损失回升。然后用 L2、随机失活、随机平移或提前停止来治它。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="166"/>
        <source>Restore the best weights</source>
        <translation>恢复最佳权重</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="168"/>
        <source>Put back the weights of the epoch with the lowest validation loss (the green line).</source>
        <translation>恢复验证损失最低的那一轮的权重（绿线）。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="171"/>
        <source>Cancel download</source>
        <translation>取消下载</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="172"/>
        <source>Stop the download; nothing half-written is kept.</source>
        <translation>停止下载；不会保留写了一半的文件。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="207"/>
        <source>Network and training</source>
        <translation>网络与训练</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="221"/>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="222"/>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="223"/>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="224"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="255"/>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="279"/>
        <source>Start training over?</source>
        <translation>重新开始训练？</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="280"/>
        <source>This change builds a new network: training starts again from epoch 0 with new weights, and what was learned in {0} steps is lost. Go on?</source>
        <translation>这项更改会构建一个新网络：训练将用新的权重从第 0 轮重新开始，前 {0} 步学到的内容会丢失。继续吗？</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="300"/>
        <source>Over-fitting example: only {0} training digits, hidden layers {1}, batch {2}, {3} epochs. Watch the validation loss turn up while the training loss falls.</source>
        <translation>过拟合示例：只用 {0} 个训练数字，隐藏层 {1}，批大小 {2}，{3} 轮。观察验证损失回升，而训练损失继续下降。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="340"/>
        <source>Hidden layers: whole numbers like 128 or 16,16</source>
        <translation>隐藏层：请输入整数，如 128 或 16,16</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="350"/>
        <source>bundled MNIST subset (4,000 + 1,000)</source>
        <translation>内置 MNIST 子集（4,000 + 1,000）</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="353"/>
        <source>Folder with IDX files</source>
        <translation>包含 IDX 文件的文件夹</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="380"/>
        <source>Preparing data…</source>
        <translation>正在准备数据…</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="386"/>
        <source>Downloading {0}: {1:.1f} MB</source>
        <translation>正在下载 {0}：{1:.1f} MB</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="392"/>
        <source>Now training on {0}</source>
        <translation>正在用 {0} 训练</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="398"/>
        <source>Download cancelled; nothing half-written was kept.</source>
        <translation>下载已取消；没有保留写了一半的文件。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="400"/>
        <source>Cannot use these digits</source>
        <translation>无法使用这些数字数据</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="414"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="416"/>
        <source>Data: {0}; learning from {1:,d} of the training digits</source>
        <translation>数据：{0}；只用其中 {1:,d} 个训练数字学习</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="420"/>
        <source>Data: {0}</source>
        <translation>数据：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="427"/>
        <source>Stopped early after epoch {0}: the validation loss was lowest at epoch {1}, whose weights are back. To go on, let it stop later.</source>
        <translation>在第 {0} 轮后提前停止：验证损失在第 {1} 轮最低，已恢复那一轮的权重。若要继续，请让它更晚停止。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="432"/>
        <source>Epoch {0} of {1} — validation accuracy {2}</source>
        <translation>第 {0} 轮，共 {1} 轮——验证准确率 {2}</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="473"/>
        <source>True → predicted, first row: {0}</source>
        <translation>真实 → 预测（第一行）：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="476"/>
        <source>No validation digit is misclassified.</source>
        <translation>没有被分错的验证数字。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="489"/>
        <source>Save model</source>
        <translation>保存模型</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="490"/>
        <source>Models (*.npz)</source>
        <translation>模型 (*.npz)</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="497"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../gui/digits/training_panel.py" line="499"/>
        <source>Saved the model to {0}</source>
        <translation>模型已保存到 {0}</translation>
    </message>
</context>
<context>
    <name>DisplayNames</name>
    <message>
        <location filename="../../gui/display_names.py" line="26"/>
        <source>circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="27"/>
        <source>xor</source>
        <translation>异或</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="28"/>
        <source>gauss</source>
        <translation>高斯</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="29"/>
        <source>spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="30"/>
        <source>moons</source>
        <translation>双月</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="31"/>
        <source>3 blobs</source>
        <translation>3 团</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="32"/>
        <source>4 blobs</source>
        <translation>4 团</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="33"/>
        <source>5 blobs</source>
        <translation>5 团</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="34"/>
        <source>3 spirals</source>
        <translation>3 臂螺旋</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="35"/>
        <source>4 spirals</source>
        <translation>4 臂螺旋</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="36"/>
        <source>5 spirals</source>
        <translation>5 臂螺旋</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="37"/>
        <source>plane</source>
        <translation>平面</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="38"/>
        <source>several bumps</source>
        <translation>多峰</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="40"/>
        <source>line</source>
        <translation>直线</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="41"/>
        <source>sine</source>
        <translation>正弦</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="42"/>
        <source>x·sin x</source>
        <translation>x·sin x</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="43"/>
        <source>step</source>
        <translation>阶跃</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="45"/>
        <source>784-16-16-10 (the notes)</source>
        <translation>784-16-16-10（讲义中的网络）</translation>
    </message>
    <message>
        <location filename="../../gui/display_names.py" line="46"/>
        <source>bundled MNIST subset (4,000 + 1,000 held out)</source>
        <translation>内置 MNIST 子集（4,000 个训练 + 1,000 个留出）</translation>
    </message>
</context>
<context>
    <name>Divergence</name>
    <message>
        <location filename="../../gui/widgets.py" line="31"/>
        <source>exploded</source>
        <translation>爆炸了</translation>
    </message>
    <message>
        <location filename="../../gui/widgets.py" line="33"/>
        <source>became NaN or infinite</source>
        <translation>变成了 NaN 或无穷大</translation>
    </message>
    <message>
        <location filename="../../gui/widgets.py" line="34"/>
        <source>Training paused: the learning rate is too large: the loss {0} at step {1}; the weights from before that step were kept.</source>
        <translation>训练已暂停：学习率过大，损失在第 {1} 步{0}；已保留这一步之前的权重。</translation>
    </message>
</context>
<context>
    <name>DrawingCanvas</name>
    <message>
        <location filename="../../gui/digits/drawing_canvas.py" line="45"/>
        <source>Draw a digit. Right-click or Esc clears, Ctrl+Z undoes.</source>
        <translation>写一个数字。右键或 Esc 清除，Ctrl+Z 撤销。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../gui/export.py" line="42"/>
        <source>Plot {0}</source>
        <translation>图 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/export.py" line="60"/>
        <source>the exporter wrote nothing</source>
        <translation>导出器没有写入任何内容</translation>
    </message>
    <message>
        <location filename="../../gui/export.py" line="103"/>
        <source>Export plot</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <location filename="../../gui/export.py" line="104"/>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../gui/export.py" line="95"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../../gui/export.py" line="111"/>
        <source>Export training history</source>
        <translation>导出训练历史</translation>
    </message>
    <message>
        <location filename="../../gui/export.py" line="112"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/export.py" line="129"/>
        <source>Export network</source>
        <translation>导出网络</translation>
    </message>
    <message>
        <location filename="../../gui/export.py" line="130"/>
        <source>Network files (*.npz)</source>
        <translation>网络文件 (*.npz)</translation>
    </message>
    <message>
        <location filename="../../gui/export.py" line="138"/>
        <source>Export as PyTorch code</source>
        <translation>导出为 PyTorch 代码</translation>
    </message>
    <message>
        <location filename="../../gui/export.py" line="139"/>
        <source>Python scripts (*.py)</source>
        <translation>Python 脚本 (*.py)</translation>
    </message>
</context>
<context>
    <name>HealthDialog</name>
    <message>
        <location filename="../../gui/playground/health_dialog.py" line="88"/>
        <source>Inside the training</source>
        <translation>训练内部</translation>
    </message>
    <message>
        <location filename="../../gui/playground/health_dialog.py" line="91"/>
        <source>share of the layer&apos;s weights (or gradients) in a row&apos;s bin</source>
        <translation>该层的权重（或梯度）落在每行区间中的比例</translation>
    </message>
    <message>
        <location filename="../../gui/playground/health_dialog.py" line="124"/>
        <source>weights over time (newest on the right)</source>
        <translation>权重随时间的变化（最新的在右边）</translation>
    </message>
    <message>
        <location filename="../../gui/playground/health_dialog.py" line="125"/>
        <source>gradients |dL/dw| over time (log scale)</source>
        <translation>梯度 |dL/dw| 随时间的变化（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../gui/playground/health_dialog.py" line="152"/>
        <source>output layer</source>
        <translation>输出层</translation>
    </message>
    <message>
        <location filename="../../gui/playground/health_dialog.py" line="153"/>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <location filename="../../gui/playground/health_dialog.py" line="164"/>
        <source>{0} · {1}
dead: {2:.0%}
saturated: {3:.0%}
weights RMS: {4:.3f}
gradients RMS: {5:.2e}</source>
        <translation>{0} · {1}
死亡：{2:.0%}
饱和：{3:.0%}
权重均方根：{4:.3f}
梯度均方根：{5:.2e}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/health_dialog.py" line="137"/>
        <source>The network has no hidden layer.</source>
        <translation>这个网络没有隐藏层。</translation>
    </message>
</context>
<context>
    <name>HelpDialog</name>
    <message>
        <location filename="../../gui/help.py" line="27"/>
        <source>Help: Playground</source>
        <translation>帮助：游乐场</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="28"/>
        <source>Help: Digits</source>
        <translation>帮助：手写数字</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="29"/>
        <source>Help: Gradient descent</source>
        <translation>帮助：梯度下降</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="30"/>
        <source>Help: Curve fitting</source>
        <translation>帮助：曲线拟合</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="31"/>
        <source>Help: Inside the network</source>
        <translation>帮助：网络内部</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="35"/>
        <source>&lt;h3&gt;Playground&lt;/h3&gt;&lt;p&gt;A network with hidden layers and a &lt;b&gt;linear classifier&lt;/b&gt; (one straight line) train side by side on the same points. The coloured background is each model&apos;s answer over the plane; the small squares in the middle show what every neuron computes.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; press Space on &lt;i&gt;xor&lt;/i&gt; or &lt;i&gt;spiral&lt;/i&gt; and watch the line fail where the network succeeds. Raise the learning rate until the loss explodes. Remove all hidden layers. Add x1² and x2² as inputs on &lt;i&gt;circle&lt;/i&gt; — now even the line can do it.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Over-fitting:&lt;/b&gt; press &lt;i&gt;Over-fitting example&lt;/i&gt;, train, and watch the test loss turn up while the training loss keeps falling (the shaded gap). Cure it with L2, dropout, input noise or &lt;i&gt;Restore the best weights&lt;/i&gt; (early stopping). &lt;i&gt;Inside the training…&lt;/i&gt; shows what each cure does to the weights: L1 sends most of them to zero, L2 shrinks them all.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Batch norm&lt;/b&gt; can be switched while training: the boundary stays the same at that moment, only how the network learns changes.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;游乐场&lt;/h3&gt;&lt;p&gt;一个带隐藏层的网络和一个&lt;b&gt;线性分类器&lt;/b&gt;（一条直线）在同样的点上并排训练。彩色背景是每个模型在平面上的回答；中间的小方块显示每个神经元计算的结果。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;在 &lt;i&gt;xor&lt;/i&gt; 或 &lt;i&gt;spiral&lt;/i&gt; 上按空格键，看直线在网络成功的地方失败。把学习率调大，直到损失爆炸。去掉所有隐藏层。在 &lt;i&gt;circle&lt;/i&gt; 上加入 x1² 和 x2² 作为输入——这时连直线也能分开。&lt;/p&gt;&lt;p&gt;&lt;b&gt;过拟合：&lt;/b&gt;按&lt;i&gt;过拟合示例&lt;/i&gt;并训练，看测试损失在训练损失继续下降时开始上升（阴影部分）。用 L2、随机失活、输入噪声或&lt;i&gt;恢复最佳权重&lt;/i&gt;（提前停止）来解决。&lt;i&gt;训练内部…&lt;/i&gt;会显示每种方法对权重做了什么：L1 把大多数权重变成 0，L2 把它们全部缩小。&lt;/p&gt;&lt;p&gt;&lt;b&gt;批归一化&lt;/b&gt;可以在训练中切换：切换的那一刻边界不变，改变的只是网络之后如何学习。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="51"/>
        <source>&lt;p&gt;&lt;b&gt;Formulas:&lt;/b&gt; choose &lt;i&gt;Formula…&lt;/i&gt; among the data sets and type f(x1,x2), e.g. &lt;i&gt;x1*x2&lt;/i&gt;, then Enter: under Classification a point is class 1 where f &amp;gt; 0 (class by sign), under Regression its value is f. &lt;i&gt;Custom feature f(x1,x2)&lt;/i&gt; adds a formula such as &lt;i&gt;sin(x1*x2)&lt;/i&gt; as one more input. Use x1, x2, numbers, + − * / ^ and sin, cos, exp, abs, log, sqrt, tanh; a formula that is not a finite number everywhere on the plane (1/x1, log(x1)) is refused with its reason in red.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;公式：&lt;/b&gt;在数据集中选择&lt;i&gt;公式…&lt;/i&gt;并输入 f(x1,x2)，例如 x1*x2，然后按回车：在“分类”下，f &amp;gt; 0 的点为类别 1（按符号分类）；在“回归”下，点的值就是 f。&lt;i&gt;自定义特征 f(x1,x2)&lt;/i&gt; 把 sin(x1*x2) 这样的公式作为网络的又一个输入。可用 x1、x2、数字、+ − * / ^ 以及 sin、cos、exp、abs、log、sqrt、tanh；在平面上某处不是有限数的公式（1/x1、log(x1)）会被拒绝，并以红字说明原因。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="59"/>
        <source>&lt;h3&gt;Digits&lt;/h3&gt;&lt;p&gt;Draw a digit with the mouse: the 28×28 = 784 pixels are the network&apos;s inputs, and each layer&apos;s activity is shown as you draw. The ten outputs are the network&apos;s belief in each digit.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; draw a 1 slanted, a 7 with a bar, a 4 open or closed. Under &lt;i&gt;Train on MNIST&lt;/i&gt;, train your own network and compare: fewer neurons, sigmoid instead of ReLU, input scaling, dropout.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Over-fitting:&lt;/b&gt; &lt;i&gt;Over-fitting example&lt;/i&gt; learns from 500 digits only; the validation loss turns up after a few epochs. Cure it with L2, dropout, random shifts, or &lt;i&gt;Stop early after&lt;/i&gt; a few epochs without progress.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;手写数字&lt;/h3&gt;&lt;p&gt;用鼠标写一个数字：28×28 = 784 个像素就是网络的输入，书写时会显示每一层的活动。十个输出是网络对每个数字的判断。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;写一个倾斜的 1、带横杠的 7、开口或封闭的 4。在&lt;i&gt;用 MNIST 训练&lt;/i&gt;中训练你自己的网络并比较：更少的神经元、用 sigmoid 代替 ReLU、输入缩放、随机失活。&lt;/p&gt;&lt;p&gt;&lt;b&gt;过拟合：&lt;/b&gt;&lt;i&gt;过拟合示例&lt;/i&gt;只用 500 个数字学习；几轮之后验证损失开始上升。用 L2、随机失活、随机平移，或&lt;i&gt;提前停止于&lt;/i&gt;若干轮没有进步之后来解决。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="70"/>
        <source>&lt;p&gt;&lt;b&gt;Your own digits:&lt;/b&gt; draw a digit and click its number under &lt;i&gt;Your digits&lt;/i&gt;: the drawing, as the network sees it (28×28), joins the training set. Each of yours comes many times an epoch, so a handful counts among thousands of MNIST digits. After each epoch, beside the tabs: how many of yours the network gets right, apart from its MNIST score (a red frame marks one it gets wrong). Click a thumbnail to remove it. Sessions keep them.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;你自己的数字：&lt;/b&gt;画一个数字，然后在&lt;i&gt;你的数字&lt;/i&gt;下点击它对应的数字：这幅画（按网络看到的 28×28）会加入训练集。每个你的数字在每轮中出现多次，所以少数几个也能在数千个 MNIST 数字中起作用。每轮之后，标签页旁显示网络认对了你的多少个数字，与 MNIST 得分分开（红框标出认错的）。点击缩略图即可删除。会话会保存它们。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="78"/>
        <source>&lt;h3&gt;Gradient descent&lt;/h3&gt;&lt;p&gt;A ball walks downhill on a curve or a surface: each step is the learning rate times the slope.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; a small rate (slow), a large one (it overshoots and bounces), several starting points (different minima), and the optimisers side by side (momentum rolls on, Adam adapts each direction).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;梯度下降&lt;/h3&gt;&lt;p&gt;一个小球沿曲线或曲面往下走：每一步等于学习率乘以斜率。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;小的学习率（慢）、大的学习率（越过最低点来回跳），不同的起点（不同的极小值），以及并排比较各个优化器（动量会继续滚动，Adam 对每个方向自适应）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="85"/>
        <source>&lt;h3&gt;Curve fitting&lt;/h3&gt;&lt;p&gt;A straight line y = ax + b and a small network fit the same points. The network&apos;s curve is a sum of bent pieces, one per hidden neuron (show the parts).&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; drag points, add a few with a click, change the number of hidden neurons and the loss (squared vs absolute error with an outlier).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;曲线拟合&lt;/h3&gt;&lt;p&gt;一条直线 y = ax + b 和一个小网络拟合同样的点。网络的曲线是若干弯曲部分之和，每个隐藏神经元一段（可显示各部分）。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;拖动点、点击添加点，改变隐藏神经元的数量和损失函数（有离群点时比较平方误差与绝对误差）。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="92"/>
        <source>&lt;h3&gt;Inside the network&lt;/h3&gt;&lt;p&gt;One sample goes forward through the layers (y = Wx + b, then the activation), and the error goes back through Wᵀ: every number of backpropagation, one step at a time.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Try:&lt;/b&gt; press Next step and compare each gradient with the one measured by nudging the weight (finite differences).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;网络内部&lt;/h3&gt;&lt;p&gt;一个样本向前穿过各层（y = Wx + b，然后经过激活函数），误差再经 Wᵀ 向后传播：反向传播的每一个数字，一步一步展示。&lt;/p&gt;&lt;p&gt;&lt;b&gt;试一试：&lt;/b&gt;按下一步，把每个梯度与轻推权重测得的梯度（有限差分）相比较。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="101"/>
        <source>&lt;p&gt;&lt;b&gt;Layer norm&lt;/b&gt; normalises each point&apos;s sums within the layer (no batch needed); switching it keeps nearly the same answers. The summary under the plots gives the linear model&apos;s line, x2 = k·x1 + c. &lt;i&gt;See the plane as a hidden layer sees it&lt;/i&gt; takes any two units: an input, hidden neurons of any layers, or an output&apos;s weighted sum. &lt;i&gt;File → Export as PyTorch code&lt;/i&gt; writes this network as a PyTorch script: the same network in the tool the field uses.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Lessons&lt;/b&gt; (Help → Lessons, Ctrl+L) lead you through the ideas: predict, try, see.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;层归一化&lt;/b&gt;在同一层内对每个点的加权和做归一化（不需要批次）；切换时网络的回答几乎不变。图下方的摘要给出线性模型的直线 x2 = k·x1 + c。&lt;i&gt;看看隐藏层眼中的平面&lt;/i&gt;可以选任意两个单元：一个输入、任意层的隐藏神经元，或某个输出的加权和。&lt;i&gt;文件 → 导出为 PyTorch 代码&lt;/i&gt;会把这个网络写成一个 PyTorch 脚本：在业界常用的工具里得到同一个网络。&lt;/p&gt;&lt;p&gt;&lt;b&gt;课程&lt;/b&gt;（帮助 → 课程，Ctrl+L）一步步带你学习这些概念：先预测，再动手，再观察。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="110"/>
        <source>&lt;p&gt;&lt;b&gt;Click to edit:&lt;/b&gt; click a link in the network to type its weight, or right-click a neuron and choose &lt;i&gt;Set bias…&lt;/i&gt;; Enter applies, Esc cancels. The boundary moves at once, and training goes on from your value: set a weight to 0 and watch the network grow it back, or move a bias and see its neuron&apos;s line shift.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;点击编辑：&lt;/b&gt;点击网络中的连线输入其权重，或右键神经元选择&lt;i&gt;设置偏置…&lt;/i&gt;；回车应用，Esc 取消。决策边界立即变化，训练从你的值继续：把某个权重设为 0，看网络把它重新学回来；或移动一个偏置，看该神经元的分界线平移。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="116"/>
        <source>&lt;p&gt;The &lt;b&gt;confusion matrix&lt;/b&gt; beside the plots counts the network&apos;s answers: a row per true class, a column per predicted class. The diagonal holds the points it got right, every other cell one kind of mistake; hover a cell to read it, click it to mark its points on the network&apos;s plot, and switch between training and test points. Try &lt;i&gt;3 spirals&lt;/i&gt;: early on one class swallows the others, then the diagonal fills up.&lt;/p&gt;</source>
        <translation>&lt;p&gt;图旁的&lt;b&gt;混淆矩阵&lt;/b&gt;统计网络的回答：每行是一个真实类别，每列是一个预测类别。对角线是答对的点，其他每一格是一种错误；悬停查看，点击可在网络的图上标出这些点，并可在训练点与测试点之间切换。试试&lt;i&gt;3 spirals&lt;/i&gt;：起初一个类别吞掉其他类别，随后对角线逐渐填满。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="123"/>
        <source>&lt;p&gt;&lt;b&gt;3D view&lt;/b&gt; (2D tab) shows the surface as a landscape with every path on it: drag to turn it. &lt;i&gt;Two valleys&lt;/i&gt; has a shallow local and a deeper global minimum: drop 30 random starts and see that the start decides.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;3D 视图&lt;/b&gt;（二维页）把曲面显示成立体地形，每条路径都画在上面：拖动可以旋转。&lt;i&gt;两个山谷&lt;/i&gt;有一个浅的局部最小值和一个更深的全局最小值：放下 30 个随机起点，看看起点如何决定结果。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="127"/>
        <source>&lt;p&gt;&lt;b&gt;Computational graph&lt;/b&gt; (the tab beside the network): every ×, + and activation is a node. Next shows each value going forward, then each gradient coming back with its chain-rule product; click a node to see its sum.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;计算图&lt;/b&gt;（网络旁边的标签页）：每个 ×、+ 和激活函数都是一个节点。“下一步”先逐个显示向前传播的数值，再逐个显示按链式法则乘积向后传回的梯度；点击一个节点可以看到它的求和式。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="131"/>
        <source>&lt;p&gt;A number typed beyond a setting&apos;s limits becomes the nearest limit: the limits lessons and the command line obey too.&lt;/p&gt;</source>
        <translation>&lt;p&gt;超出设置范围的数字会变成最接近的界限值：课程和命令行也遵守同样的界限。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../gui/help.py" line="137"/>
        <source>&lt;h4&gt;Keys&lt;/h4&gt;&lt;p&gt;Space play / pause · → one step · R reset · Ctrl+S save · Ctrl+O open · Ctrl+1…5 modes · Esc clear the canvas · F1 this help&lt;/p&gt;</source>
        <translation>&lt;h4&gt;快捷键&lt;/h4&gt;&lt;p&gt;空格 开始/暂停 · → 单步 · R 重置 · Ctrl+S 保存 · Ctrl+O 打开 · Ctrl+1…5 切换模式 · Esc 清空画布 · F1 本帮助&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>HistoryPlot</name>
    <message>
        <location filename="../../gui/history_plot.py" line="117"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
</context>
<context>
    <name>Learn</name>
    <message>
        <location filename="../../gui/learn/window.py" line="54"/>
        <source>{0} lesson files were refused, e.g. {1}</source>
        <translation>有 {0} 个课程文件被拒绝，例如 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/learn/window.py" line="65"/>
        <source>Open &amp;lesson…</source>
        <translation>打开课程(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../gui/learn/window.py" line="66"/>
        <source>Save this setup as a lesson step…</source>
        <translation>把当前设置保存为课程步骤…</translation>
    </message>
    <message>
        <location filename="../../gui/learn/window.py" line="67"/>
        <source>Export lesson answers (CSV)…</source>
        <translation>导出课程答案（CSV）…</translation>
    </message>
    <message>
        <location filename="../../gui/learn/window.py" line="72"/>
        <source>&amp;Lessons</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/learn/window.py" line="119"/>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <location filename="../../gui/learn/window.py" line="119"/>
        <location filename="../../gui/learn/window.py" line="141"/>
        <source>Lessons (*.toml)</source>
        <translation>课程文件 (*.toml)</translation>
    </message>
    <message>
        <location filename="../../gui/learn/window.py" line="128"/>
        <source>Cannot open the lesson</source>
        <translation>无法打开课程</translation>
    </message>
    <message>
        <location filename="../../gui/learn/window.py" line="140"/>
        <source>Save this setup as a lesson step</source>
        <translation>把当前设置保存为课程步骤</translation>
    </message>
    <message>
        <location filename="../../gui/learn/window.py" line="148"/>
        <source>Cannot save</source>
        <translation>无法保存</translation>
    </message>
    <message>
        <location filename="../../gui/learn/window.py" line="151"/>
        <source>Saved {0}: add the step&apos;s text, then put it in a lesson.</source>
        <translation>已保存 {0}：补上这一步的文字，再放进一个课程。</translation>
    </message>
    <message>
        <location filename="../../gui/learn/window.py" line="158"/>
        <source>Export lesson answers</source>
        <translation>导出课程答案</translation>
    </message>
    <message>
        <location filename="../../gui/learn/window.py" line="159"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/learn/window.py" line="165"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../../gui/learn/window.py" line="168"/>
        <source>Saved {0} answers to {1}</source>
        <translation>已将 {0} 个答案保存到 {1}</translation>
    </message>
</context>
<context>
    <name>LearnPanel</name>
    <message>
        <location filename="../../gui/learn/panel.py" line="56"/>
        <source>Learn</source>
        <translation>学习</translation>
    </message>
    <message>
        <location filename="../../gui/learn/panel.py" line="78"/>
        <source>The course, in the order of the notes. A tick marks a lesson you finished.</source>
        <translation>课程按讲义的顺序排列。打勾的是你已完成的课。</translation>
    </message>
    <message>
        <location filename="../../gui/learn/panel.py" line="103"/>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../gui/learn/panel.py" line="104"/>
        <source>A nudge towards the goal.</source>
        <translation>朝目标推你一把。</translation>
    </message>
    <message>
        <location filename="../../gui/learn/panel.py" line="105"/>
        <source>Show me</source>
        <translation>演示给我看</translation>
    </message>
    <message>
        <location filename="../../gui/learn/panel.py" line="106"/>
        <source>Apply a solution and run it, to see what reaches the goal.</source>
        <translation>应用一个解法并运行，看看怎样达到目标。</translation>
    </message>
    <message>
        <location filename="../../gui/learn/panel.py" line="108"/>
        <source>◂ Back</source>
        <translation>◂ 上一步</translation>
    </message>
    <message>
        <location filename="../../gui/learn/panel.py" line="109"/>
        <source>The step before; it sets its page up again.</source>
        <translation>上一步；会重新设置它的页面。</translation>
    </message>
    <message>
        <location filename="../../gui/learn/panel.py" line="110"/>
        <location filename="../../gui/learn/panel.py" line="258"/>
        <source>Next ▸</source>
        <translation>下一步 ▸</translation>
    </message>
    <message>
        <location filename="../../gui/learn/panel.py" line="111"/>
        <source>The next step. You may go on before reaching a goal.</source>
        <translation>下一步。没有达到目标也可以继续。</translation>
    </message>
    <message>
        <location filename="../../gui/learn/panel.py" line="249"/>
        <source>Step {0} of {1}</source>
        <translation>第 {0} 步，共 {1} 步</translation>
    </message>
    <message>
        <location filename="../../gui/learn/panel.py" line="258"/>
        <source>Finish ✓</source>
        <translation>完成 ✓</translation>
    </message>
    <message>
        <location filename="../../gui/learn/panel.py" line="302"/>
        <source>Hint: {0}</source>
        <translation>提示：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/learn/panel.py" line="365"/>
        <source>Choose a lesson</source>
        <translation>选择一节课</translation>
    </message>
    <message>
        <location filename="../../gui/learn/panel.py" line="366"/>
        <source>Pick a lesson above. Each one sets up a page, asks you to predict what will happen, and gives you a goal.</source>
        <translation>在上面选一节课。每节课会设置好一个页面，请你先预测会发生什么，再给你一个目标。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../gui/main_window.py" line="72"/>
        <location filename="../../gui/main_window.py" line="124"/>
        <source>Neural Playground</source>
        <translation>神经网络游乐场</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="86"/>
        <source>Start fresh</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="88"/>
        <source>Put every page back to its first-start settings (File → New), e.g. on a shared classroom computer.</source>
        <translation>把每个页面恢复为首次启动时的设置（文件 → 新建），适合教室里共用的电脑。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="76"/>
        <source>Playground</source>
        <translation>游乐场</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="76"/>
        <source>Digits</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="76"/>
        <source>Gradient descent</source>
        <translation>梯度下降</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="77"/>
        <source>Curve fitting</source>
        <translation>曲线拟合</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="77"/>
        <source>Inside the network</source>
        <translation>网络内部</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="125"/>
        <source>Every setting is back to its default.</source>
        <translation>所有设置已恢复为默认值。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="143"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="144"/>
        <source>&amp;New</source>
        <translation>新建(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="146"/>
        <source>&amp;Open session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="148"/>
        <source>&amp;Save session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="150"/>
        <source>Save session &amp;as…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="152"/>
        <source>&amp;Recent sessions</source>
        <translation>最近的会话(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="156"/>
        <source>&amp;Import points (CSV)…</source>
        <translation>导入数据点 (CSV)(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="158"/>
        <source>&amp;Export points (CSV)…</source>
        <translation>导出数据点 (CSV)(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="160"/>
        <source>Export training &amp;history (CSV)…</source>
        <translation>导出训练历史 (CSV)(&amp;H)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="162"/>
        <source>Export the &amp;network (.npz)…</source>
        <translation>导出网络 (.npz)(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="164"/>
        <source>Export as PyTorch &amp;code…</source>
        <translation>导出为 PyTorch 代码(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="168"/>
        <source>Export a &amp;plot (PNG/SVG)</source>
        <translation>导出图表 (PNG/SVG)(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="171"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="173"/>
        <source>&amp;Training</source>
        <translation>训练(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="175"/>
        <source>Play / pause</source>
        <translation>开始 / 暂停</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="176"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="177"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="181"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="188"/>
        <source>Text &amp;size</source>
        <translation>文字大小(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="189"/>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="194"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="196"/>
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="197"/>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="197"/>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="199"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="200"/>
        <source>&amp;Help for this mode</source>
        <translation>本模式的帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="202"/>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="208"/>
        <source>&amp;Larger</source>
        <translation>放大(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="211"/>
        <source>&amp;Smaller</source>
        <translation>缩小(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="213"/>
        <source>&amp;Reset</source>
        <translation>恢复默认(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../gui/pages/playground.py" line="140"/>
        <source>Press Space to train or pause.</source>
        <translation>按空格键开始或暂停训练。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/digits.py" line="91"/>
        <source>Draw a digit on the canvas; right-click or Esc clears it.</source>
        <translation>在画板上写一个数字；右键或 Esc 清除。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/curve_fit.py" line="97"/>
        <source>Press Fit; click to add points, drag to move them.</source>
        <translation>按“拟合”；点击添加数据点，拖动可移动它们。</translation>
    </message>
    <message>
        <location filename="../../gui/pages/backprop.py" line="84"/>
        <source>Press Next step to follow one sample forward and back.</source>
        <translation>按“下一步”，跟随一个样本完成前向和反向传播。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="248"/>
        <location filename="../../gui/main_window.py" line="257"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="265"/>
        <source>{0} — Neural Playground</source>
        <translation>{0} — 神经网络游乐场</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="270"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="271"/>
        <source>The language changes when you start Neural Playground again.</source>
        <translation>语言将在下次启动神经网络游乐场时更改。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="277"/>
        <source>Restart now</source>
        <translation>立即重启</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="278"/>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="292"/>
        <source>Theme</source>
        <translation>主题</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="293"/>
        <source>The theme changes when you start Neural Playground again.</source>
        <translation>主题将在下次启动神经网络游乐场时更改。</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="297"/>
        <source>About Neural Playground</source>
        <translation>关于神经网络游乐场</translation>
    </message>
    <message>
        <location filename="../../gui/main_window.py" line="298"/>
        <source>Neural Playground: watch a neural network learn.

A multi-layer network and a linear classifier train side by side on the same data, so you can see what hidden layers buy.</source>
        <translation>神经网络游乐场：观看神经网络如何学习。

多层网络与线性分类器在同一数据上并排训练，让你看到隐藏层带来了什么。</translation>
    </message>
</context>
<context>
    <name>MisclassifiedView</name>
    <message>
        <location filename="../../gui/digits/results_views.py" line="124"/>
        <source>Misclassified (click one to draw it)</source>
        <translation>分类错误的样本（点击一个载入画板）</translation>
    </message>
    <message>
        <location filename="../../gui/digits/results_views.py" line="125"/>
        <source>Train a model to see the digits it gets wrong.</source>
        <translation>训练一个模型后，这里会显示它认错的数字。</translation>
    </message>
</context>
<context>
    <name>NetworkActivityView</name>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="76"/>
        <source>input: 28×28 = 784 neurons</source>
        <translation>输入：28×28 = 784 个神经元</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="81"/>
        <source>output: 10 neurons</source>
        <translation>输出：10 个神经元</translation>
    </message>
    <message>
        <location filename="../../gui/digits/digits_page.py" line="103"/>
        <source>layer {0}: {1} neurons</source>
        <translation>第 {0} 层：{1} 个神经元</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../gui/playground/network_view.py" line="209"/>
        <source>inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../gui/playground/network_view.py" line="211"/>
        <source>layer {0}</source>
        <translation>第 {0} 层</translation>
    </message>
    <message>
        <location filename="../../gui/playground/network_view.py" line="215"/>
        <source>L{0}</source>
        <translation>第{0}层</translation>
    </message>
    <message>
        <location filename="../../gui/playground/network_view.py" line="199"/>
        <location filename="../../gui/playground/network_view.py" line="203"/>
        <location filename="../../gui/playground/network_view.py" line="217"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../gui/playground/network_view.py" line="404"/>
        <source>output {0}</source>
        <translation>输出 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/network_view.py" line="405"/>
        <source>L{0}·N{1}</source>
        <translation>第{0}层·神经元{1}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/network_view.py" line="413"/>
        <source>input feature {0}{1}</source>
        <translation>输入特征 {0}{1}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/network_view.py" line="414"/>
        <source> (off — click to use it)</source>
        <translation>（未启用——点击以使用）</translation>
    </message>
    <message>
        <location filename="../../gui/playground/network_view.py" line="423"/>
        <source>{0} {1} {2:.2f}</source>
        <translation>{0} {1} {2:.2f}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/network_view.py" line="427"/>
        <source>{0} = {1}({2:.2f}·(z − μ) / σ {3} {4:.2f})
z = {5}
(layer norm: μ and σ are the mean and spread of this layer&apos;s sums for the same point; γ, β are learned)</source>
        <translation>{0} = {1}({2:.2f}·(z − μ) / σ {3} {4:.2f})
z = {5}
（层归一化：μ 和 σ 是同一个点在这一层各加权和的均值和离散程度；γ、β 是学出来的）</translation>
    </message>
    <message>
        <location filename="../../gui/playground/network_view.py" line="434"/>
        <source>{0} = {1}({2:.2f}·(z − {3:.2f}) / {4:.2f} {5} {6:.2f})
z = {7}
(batch norm: the sum is standardised, then scaled and shifted by learned γ, β)</source>
        <translation>{0} = {1}({2:.2f}·(z − {3:.2f}) / {4:.2f} {5} {6:.2f})
z = {7}
（批归一化：先把加权和标准化，再用学到的 γ、β 缩放和平移）</translation>
    </message>
    <message>
        <location filename="../../gui/playground/network_view.py" line="440"/>
        <source>{0} = {1}({2})</source>
        <translation>{0} = {1}({2})</translation>
    </message>
    <message>
        <location filename="../../gui/playground/network_view.py" line="452"/>
        <source>Right-click to set its bias.</source>
        <translation>右键设置其偏置。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/network_view.py" line="457"/>
        <source>weight {0:+.3f}  ({1} → {2})</source>
        <translation>权重 {0:+.3f}（{1} → {2}）</translation>
    </message>
    <message>
        <location filename="../../gui/playground/network_view.py" line="459"/>
        <source>Click to edit this weight.</source>
        <translation>点击编辑此权重。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/network_view.py" line="503"/>
        <source>Weight {0} → {1}</source>
        <translation>权重 {0} → {1}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/network_view.py" line="512"/>
        <source>Bias of {0}</source>
        <translation>{0} 的偏置</translation>
    </message>
</context>
<context>
    <name>OwnDigits</name>
    <message>
        <location filename="../../gui/digits/own_digits_view.py" line="36"/>
        <source>Your digits: train the network to score them</source>
        <translation>你的数字：训练网络后查看得分</translation>
    </message>
    <message>
        <location filename="../../gui/digits/own_digits_view.py" line="39"/>
        <source>Your digits: {0}/{1} right</source>
        <translation>你的数字：{0}/{1} 正确</translation>
    </message>
</context>
<context>
    <name>OwnDigitsPanel</name>
    <message>
        <location filename="../../gui/digits/own_digits_view.py" line="68"/>
        <source>Your digits</source>
        <translation>你的数字</translation>
    </message>
    <message>
        <location filename="../../gui/digits/own_digits_view.py" line="71"/>
        <source>Add this drawing to the training set as digit:</source>
        <translation>把这幅画加入训练集，作为数字：</translation>
    </message>
    <message>
        <location filename="../../gui/digits/own_digits_view.py" line="90"/>
        <source>Add the drawing, as the network sees it (28×28), to the training set as a {0}</source>
        <translation>把这幅画按网络看到的样子（28×28）加入训练集，作为数字 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/digits/own_digits_view.py" line="120"/>
        <source>Your digits, in training with the MNIST digits. Click one to remove it. A red frame: the network gets it wrong.</source>
        <translation>你的数字与 MNIST 数字一起参与训练。点击一个即可删除。红框：网络认错了。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/own_digits_view.py" line="152"/>
        <source>Your {0}; the network says {1}. Click to remove it.</source>
        <translation>你写的 {0}；网络认为是 {1}。点击删除。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/own_digits_view.py" line="155"/>
        <source>Your {0}. Click to remove it.</source>
        <translation>你写的 {0}。点击删除。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/own_digits_view.py" line="160"/>
        <source>{0} of your digits</source>
        <translation>你的数字：{0} 个</translation>
    </message>
    <message>
        <location filename="../../gui/digits/own_digits_view.py" line="161"/>
        <source>None of your digits yet: draw one and click its number.</source>
        <translation>还没有你的数字：画一个，再点击它对应的数字。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/own_digits_view.py" line="162"/>
        <source>At most {0}; each comes several times in every epoch, so a few count among thousands of MNIST digits.</source>
        <translation>最多 {0} 个；每个在每轮（epoch）中出现多次，所以少数几个也能在数千个 MNIST 数字中起作用。</translation>
    </message>
</context>
<context>
    <name>ParameterEditor</name>
    <message>
        <location filename="../../gui/playground/parameter_editor.py" line="38"/>
        <source>Type the new value: the boundary moves at once and training goes on from it.</source>
        <translation>输入新值：决策边界立即变化，训练从该值继续。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/parameter_editor.py" line="43"/>
        <source>Enter applies, Esc cancels.</source>
        <translation>回车应用，Esc 取消。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/parameter_editor.py" line="68"/>
        <source>A past moment: move History to its right end to edit.</source>
        <translation>这是过去的时刻：把“历史”滑块移到最右端即可编辑。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/parameter_editor.py" line="91"/>
        <source>Set bias…</source>
        <translation>设置偏置…</translation>
    </message>
    <message>
        <location filename="../../gui/playground/parameter_editor.py" line="116"/>
        <source>Not a number: try 0.5 or -1.2.</source>
        <translation>不是数字：请输入如 0.5 或 -1.2。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/parameter_editor.py" line="118"/>
        <source>Use a number between {0:g} and {1:g}.</source>
        <translation>请输入 {0:g} 到 {1:g} 之间的数。</translation>
    </message>
</context>
<context>
    <name>PlaygroundPage</name>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="127"/>
        <source>Network</source>
        <translation>神经网络</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="128"/>
        <source>Linear model</source>
        <translation>线性模型</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="130"/>
        <source>network, training</source>
        <translation>神经网络，训练集</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="131"/>
        <source>network, test</source>
        <translation>神经网络，测试集</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="132"/>
        <source>linear, training</source>
        <translation>线性，训练集</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="133"/>
        <source>linear, test</source>
        <translation>线性，测试集</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="135"/>
        <source>network</source>
        <translation>神经网络</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="135"/>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="136"/>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="136"/>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="137"/>
        <source>Loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="138"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="151"/>
        <source>Log scale</source>
        <translation>对数坐标</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="152"/>
        <source>A logarithmic loss axis: late, small improvements stay visible next to the big early drop.</source>
        <translation>对数损失坐标轴：后期的小改进在早期的大幅下降旁边也能看清。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="154"/>
        <source>Over-fitting example</source>
        <translation>过拟合示例</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="156"/>
        <source>Few noisy points and a wide, deep network: watch the test loss turn up while the training loss keeps falling. Then try L2, dropout or fewer neurons.</source>
        <translation>少量带噪声的数据点加上又宽又深的网络：观察测试损失如何在训练损失持续下降时回升。然后试试 L2、随机失活或减少神经元。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="158"/>
        <source>Inside the training…</source>
        <translation>训练内部…</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="160"/>
        <source>Each layer&apos;s weights and gradients over time, and its dead or saturated units. Try a sigmoid network with a large learning rate, or &apos;zeros&apos; initialisation.</source>
        <translation>每一层的权重和梯度随时间的变化，以及死亡单元和饱和单元。试试用较大学习率训练 sigmoid 网络，或使用“zeros”初始化。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="162"/>
        <source>Complexity sweep…</source>
        <translation>复杂度扫描…</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="164"/>
        <source>Train networks of growing width on this data and plot training and test error against their size.</source>
        <translation>在这份数据上训练宽度逐渐增大的网络，并画出训练误差和测试误差随模型大小的变化。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="166"/>
        <source>Restore the best weights</source>
        <translation>恢复最佳权重</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="168"/>
        <source>Early stopping: go back to the weights with the lowest test loss (the green dotted line).</source>
        <translation>提前停止：回到测试损失最低时的权重（绿色虚线处）。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="170"/>
        <source>See the plane as a hidden layer sees it…</source>
        <translation>从隐藏层的视角看平面…</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="172"/>
        <source>Draw the input grid and the points as two neurons of a hidden layer see them: bent space where one line can split the classes.</source>
        <translation>按隐藏层中两个神经元的视角画出输入网格和数据点：弯曲后的空间里，一条直线就能分开各类。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="52"/>
        <source>one straight line: {0}.</source>
        <translation>一条直线：{0}。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="55"/>
        <source>one straight line cannot separate every data set.</source>
        <translation>一条直线无法分开所有数据集。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="58"/>
        <source>linear in the chosen features, so its boundary can bend in the plane.</source>
        <translation>它对所选特征是线性的，所以在平面上的边界可以弯曲。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="61"/>
        <source>Network: training loss {0:.3f}, test loss {1:.3f}, test accuracy {2}.   Linear: test accuracy {3} — {4}</source>
        <translation>网络：训练损失 {0:.3f}，测试损失 {1:.3f}，测试准确率 {2}。   线性：测试准确率 {3} — {4}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="145"/>
        <source>Drag back through the recorded moments to see how the boundary and every neuron evolved; training goes on meanwhile.</source>
        <translation>向回拖动，浏览记录下来的各个时刻，看决策边界和每个神经元如何演变；训练同时继续进行。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="148"/>
        <location filename="../../gui/playground/playground_page.py" line="326"/>
        <source>live</source>
        <translation>实时</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="215"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="285"/>
        <source>Training…</source>
        <translation>训练中…</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="282"/>
        <source>Paused.</source>
        <translation>已暂停。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="280"/>
        <source>Training paused: see the warning above.</source>
        <translation>训练已暂停：请看上方的提示。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="284"/>
        <source>Training goes on, but see the warning above.</source>
        <translation>训练仍在继续，但请看上方的提示。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="327"/>
        <source>step {0} — training goes on</source>
        <translation>第 {0} 步——训练仍在继续</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="25"/>
        <source>neuron {0}</source>
        <translation>神经元 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="391"/>
        <location filename="../../gui/playground/page_text.py" line="27"/>
        <source>test accuracy {0}</source>
        <translation>测试准确率 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="190"/>
        <source>Hover a neuron for its formula, a link for its weight. Click a neuron to enlarge it; click an input to switch it; click a link to type its weight, right-click a neuron for its bias.</source>
        <translation>悬停神经元查看公式，悬停连线查看权重。点击神经元将其放大；点击输入可开关它；点击连线输入其权重，右键神经元设置偏置。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="29"/>
        <source>test loss {0:.4f}</source>
        <translation>测试损失 {0:.4f}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="47"/>
        <source>Test loss — network {0:.4f}, linear {1:.4f}</source>
        <translation>测试损失——神经网络 {0:.4f}，线性 {1:.4f}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="426"/>
        <source>Training stopped</source>
        <translation>训练已停止</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="427"/>
        <source>The training worker failed: {0}</source>
        <translation>训练线程出错：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="457"/>
        <source>The network needs at least one input.</source>
        <translation>网络至少需要一个输入。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="509"/>
        <source>Over-fitting example: {0}. File → New (Ctrl+N) puts them back.</source>
        <translation>过拟合示例：{0}。“文件 → 新建”（Ctrl+N）可全部恢复。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="82"/>
        <source>data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="83"/>
        <source>points</source>
        <translation>点数</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="84"/>
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="85"/>
        <source>training data %</source>
        <translation>训练数据 %</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="86"/>
        <source>hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="87"/>
        <source>activation</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="88"/>
        <source>optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="89"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="90"/>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="93"/>
        <source>dropout</source>
        <translation>随机失活</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="94"/>
        <source>initialiser</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="95"/>
        <source>loss</source>
        <translation>损失函数</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="96"/>
        <source>input noise</source>
        <translation>输入噪声</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="97"/>
        <source>batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="98"/>
        <source>layer norm</source>
        <translation>层归一化</translation>
    </message>
    <message>
        <location filename="../../gui/playground/page_text.py" line="99"/>
        <source>inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="516"/>
        <source>Import points</source>
        <translation>导入数据点</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="517"/>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="523"/>
        <source>Cannot import</source>
        <translation>无法导入</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="531"/>
        <source>Export points</source>
        <translation>导出数据点</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="532"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="540"/>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
    <message>
        <location filename="../../gui/playground/playground_page.py" line="542"/>
        <source>Saved {0} points to {1}</source>
        <translation>已将 {0} 个数据点保存到 {1}</translation>
    </message>
</context>
<context>
    <name>PredictionBox</name>
    <message>
        <location filename="../../gui/learn/prediction.py" line="42"/>
        <source>I have seen it — explain</source>
        <translation>我看到结果了 —— 请解释</translation>
    </message>
    <message>
        <location filename="../../gui/learn/prediction.py" line="43"/>
        <source>Show why, once you have watched the result.</source>
        <translation>看完结果后，显示其中的道理。</translation>
    </message>
    <message>
        <location filename="../../gui/learn/prediction.py" line="47"/>
        <source>Predict first, then try it:</source>
        <translation>先预测，再动手试：</translation>
    </message>
    <message>
        <location filename="../../gui/learn/prediction.py" line="82"/>
        <source>Your answer is recorded. Now try it and watch what happens.</source>
        <translation>你的答案已记录。现在动手试试，看看会发生什么。</translation>
    </message>
    <message>
        <location filename="../../gui/learn/prediction.py" line="102"/>
        <source>✓ You predicted it.</source>
        <translation>✓ 你预测对了。</translation>
    </message>
    <message>
        <location filename="../../gui/learn/prediction.py" line="103"/>
        <source>✗ Not quite — the answer is: {0}</source>
        <translation>✗ 不太对 —— 答案是：{0}</translation>
    </message>
</context>
<context>
    <name>SessionManager</name>
    <message>
        <location filename="../../gui/sessions/session_manager.py" line="79"/>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location filename="../../gui/sessions/session_manager.py" line="80"/>
        <source>Neural Playground sessions (*{0})</source>
        <translation>神经网络游乐场会话 (*{0})</translation>
    </message>
    <message>
        <location filename="../../gui/sessions/session_manager.py" line="91"/>
        <source>Cannot save the session</source>
        <translation>无法保存会话</translation>
    </message>
    <message>
        <location filename="../../gui/sessions/session_manager.py" line="92"/>
        <source>{0} was not saved: {1}</source>
        <translation>{0} 未保存：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/sessions/session_manager.py" line="95"/>
        <source>Session saved to {0}</source>
        <translation>会话已保存到 {0}</translation>
    </message>
    <message>
        <location filename="../../gui/sessions/session_manager.py" line="116"/>
        <source>Autosave failed: {0}</source>
        <translation>自动保存失败：{0}</translation>
    </message>
    <message>
        <location filename="../../gui/sessions/session_manager.py" line="122"/>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <location filename="../../gui/sessions/session_manager.py" line="123"/>
        <source>Neural Playground sessions (*{0});;All files (*)</source>
        <translation>神经网络游乐场会话 (*{0});;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../gui/sessions/session_manager.py" line="130"/>
        <source>Cannot open the session</source>
        <translation>无法打开会话</translation>
    </message>
    <message>
        <location filename="../../gui/sessions/session_manager.py" line="131"/>
        <source>{0} cannot be opened: {1}</source>
        <translation>无法打开 {0}：{1}</translation>
    </message>
    <message>
        <location filename="../../gui/sessions/session_manager.py" line="134"/>
        <source>Session opened from {0}</source>
        <translation>已从 {0} 打开会话</translation>
    </message>
    <message>
        <location filename="../../gui/sessions/session_manager.py" line="162"/>
        <source>Your last session is back: settings, points and weights.</source>
        <translation>已恢复上次的会话：设置、数据点和权重。</translation>
    </message>
    <message>
        <location filename="../../gui/sessions/session_manager.py" line="173"/>
        <source>The last session could not be restored ({0}) nor set aside ({1}); it stays at {2} and autosave is off until the next start</source>
        <translation>无法恢复上次的会话（{0}），也无法将其移到一旁（{1}）；它仍在 {2}，本次运行期间自动保存已关闭</translation>
    </message>
    <message>
        <location filename="../../gui/sessions/session_manager.py" line="178"/>
        <source>The last session could not be restored ({0}); it was kept as {1}</source>
        <translation>无法恢复上次的会话（{0}）；原文件已保留为 {1}</translation>
    </message>
    <message>
        <location filename="../../gui/sessions/session_manager.py" line="199"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
</context>
<context>
    <name>Surface3DView</name>
    <message>
        <location filename="../../gui/labs/surface_3d.py" line="37"/>
        <source>The 3D view needs PyOpenGL (pip install PyOpenGL); the 2D map shows the same surface from above.</source>
        <translation>3D 视图需要 PyOpenGL（pip install PyOpenGL）；2D 地图从上方显示同一个曲面。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_3d.py" line="46"/>
        <source>Drag to turn the landscape, scroll to zoom. Height is the loss; each line is an optimiser&apos;s walk.</source>
        <translation>拖动可旋转地形，滚轮可缩放。高度是损失；每条线是一个优化器走过的路径。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_3d.py" line="61"/>
        <source>No OpenGL context could be made on this display, so the 3D view is off; the 2D map shows the same surface.</source>
        <translation>无法在此显示器上创建 OpenGL 上下文，因此 3D 视图已关闭；2D 地图显示同一个曲面。</translation>
    </message>
</context>
<context>
    <name>SurfaceLab</name>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="66"/>
        <source>The cost surface over two weights.</source>
        <translation>关于两个权重的代价曲面。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="60"/>
        <source>bowl</source>
        <translation>碗形</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="60"/>
        <source>elongated valley</source>
        <translation>狭长山谷</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="61"/>
        <source>Rosenbrock&apos;s banana</source>
        <translation>Rosenbrock 香蕉函数</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="61"/>
        <source>saddle</source>
        <translation>鞍点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="62"/>
        <source>Himmelblau (four minima)</source>
        <translation>Himmelblau 函数（四个最小值）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="63"/>
        <source>a two-weight neuron&apos;s real loss</source>
        <translation>一个双权重神经元的真实损失</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="64"/>
        <source>two valleys (a local and a global minimum)</source>
        <translation>两个山谷（一个局部最小值和一个全局最小值）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="71"/>
        <source>Plain gradient descent: a step down the slope.</source>
        <translation>普通梯度下降：沿斜坡向下走一步。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="72"/>
        <source>Keeps a velocity: rolls through flat parts and small bumps.</source>
        <translation>保持一个速度：能滚过平坦处和小的凸起。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="73"/>
        <source>Momentum that looks ahead before it steps: overshoots less.</source>
        <translation>先向前看再迈步的动量法：越过最低点更少。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="74"/>
        <source>Divides each step by the recent size of that gradient.</source>
        <translation>每一步都除以该梯度最近的大小。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="75"/>
        <source>Momentum plus RMSProp&apos;s per-weight scaling of the steps.</source>
        <translation>动量加上 RMSProp 对每个权重步长的缩放。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="76"/>
        <source>Shrinks each weight&apos;s steps by all its past gradients.</source>
        <translation>用每个权重过去所有的梯度来缩小它的步长。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="85"/>
        <location filename="../../gui/labs/surface_lab.py" line="194"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="87"/>
        <source>Drop 30 random starts</source>
        <translation>随机撒下 30 个起点</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="88"/>
        <source>Thirty starting points at once: which minimum you reach depends on where you start — and on some surfaces you reach none.</source>
        <translation>一次放下三十个起点：到达哪个最小值取决于从哪里出发——在有些曲面上哪个也到不了。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="92"/>
        <source>The surface as a landscape beside the map: drag to turn it; each path walks down it.</source>
        <translation>在地图旁把曲面显示成立体地形：拖动可以旋转；每条路径都沿着它往下走。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="214"/>
        <source>rates × {0}</source>
        <translation>学习率 × {0}</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="241"/>
        <source>left the map</source>
        <translation>走出了图</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="261"/>
        <source>Each square is a random start, coloured by the minimum plain gradient descent reached from it; a grey cross reached none.</source>
        <translation>每个方块是一个随机起点，颜色表示普通梯度下降从那里到达的最小值；灰色叉号表示没有到达任何最小值。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="267"/>
        <source>minimum at ({0:.2f}, {1:.2f})</source>
        <translation>最小值 ({0:.2f}, {1:.2f})</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="269"/>
        <source>no minimum reached in {0} steps (still on the way, diverged, or stuck on a flat part)</source>
        <translation>{0} 步内未到达最小值（仍在路上、发散，或卡在平坦处）</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="272"/>
        <source>no minimum reached: this surface has none, every walk slides away</source>
        <translation>未到达最小值：这个曲面没有最小值，每条路径都会滑走</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="274"/>
        <source>Random starts end in: </source>
        <translation>随机起点的终点：</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="68"/>
        <source>Scales every optimiser&apos;s learning rate together.</source>
        <translation>同时缩放所有优化器的学习率。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="86"/>
        <source>Run the ticked optimisers side by side.</source>
        <translation>让勾选的优化器并排运行。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="91"/>
        <source>3D view</source>
        <translation>三维视图</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="115"/>
        <source>loss along each path</source>
        <translation>各路径上的损失</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="117"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="130"/>
        <source>Surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="139"/>
        <source>Click the map to choose the start.</source>
        <translation>点击图中位置选择起点。</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="194"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../gui/labs/surface_lab.py" line="243"/>
        <source>Loss after {0} steps — </source>
        <translation>{0} 步后的损失——</translation>
    </message>
</context>
<context>
    <name>SweepDialog</name>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="33"/>
        <source>Complexity sweep</source>
        <translation>复杂度扫描</translation>
    </message>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="45"/>
        <source>error (misclassified share)</source>
        <translation>误差（分错的比例）</translation>
    </message>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="46"/>
        <source>loss (shows over-confidence)</source>
        <translation>损失（能显示过度自信）</translation>
    </message>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="47"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="48"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="49"/>
        <source>Hidden layers of every network in the sweep.</source>
        <translation>扫描中每个网络的隐藏层数。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="50"/>
        <source>Training epochs for each network.</source>
        <translation>每个网络的训练轮数。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="51"/>
        <source>Plot the share of misclassified points, or the loss.</source>
        <translation>绘制分错的点所占的比例，或者损失。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="52"/>
        <source>Train networks of growing width, one after another.</source>
        <translation>依次训练宽度逐渐增大的网络。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="53"/>
        <source>Stop; the networks already trained stay on the plot.</source>
        <translation>停止；已经训练好的网络保留在图上。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="58"/>
        <source>Each point is a network of that many parameters, trained from scratch on the same data. Too small under-fits; too big over-fits: the test error turns up.</source>
        <translation>每个点是一个具有相应参数数量的网络，在同一数据上从头训练。太小会欠拟合；太大会过拟合：测试误差回升。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="63"/>
        <source>parameters (log scale)</source>
        <translation>参数数量（对数坐标）</translation>
    </message>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="70"/>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="71"/>
        <source>test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="74"/>
        <source>Hidden layers</source>
        <translation>隐藏层</translation>
    </message>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="75"/>
        <source>Epochs per model</source>
        <translation>每个模型的训练轮数</translation>
    </message>
    <message>
        <location filename="../../gui/playground/sweep_dialog.py" line="76"/>
        <source>Plot</source>
        <translation>绘制</translation>
    </message>
</context>
<context>
    <name>TrainingBanner</name>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="28"/>
        <source>Apply the suggested fix and train again.</source>
        <translation>采用建议的修正并重新训练。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="56"/>
        <source>Training went wrong: the network gives every point the same class (one colour everywhere), so the accuracy is stuck at that class&apos;s share. A layer of its units is dead or saturated — the learning rate is too large.</source>
        <translation>训练出了问题：网络给每个点都判为同一类（处处同一种颜色），所以准确率停在这一类所占的比例。有一层神经元已死亡或饱和——学习率太大了。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="61"/>
        <source>{0} of one layer&apos;s ReLU units are dead: they output 0 for every point, so no gradient reaches them and they never learn again. A large learning rate usually kills them.</source>
        <translation>某一层 {0} 的 ReLU 神经元成了死亡单元：它们对每个点都输出 0，梯度传不到它们，再也学不动了。通常是学习率过大造成的。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="66"/>
        <source>{0} of one layer&apos;s outputs sit on the flat ends of tanh or sigmoid, where the slope is almost 0: those units have nearly stopped learning. Large weights, often from a large learning rate, push them there.</source>
        <translation>某一层 {0} 的输出落在 tanh 或 sigmoid 平坦的两端，那里斜率几乎为 0：这些神经元几乎不再学习。过大的权重（常由学习率过大造成）把它们推到了那里。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="70"/>
        <source>The loss has stopped improving, yet the network does not fit the training points.</source>
        <translation>损失不再下降，但网络还没有拟合训练点。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="72"/>
        <source>The loss has stopped improving, yet the network is still wrong on {0} of the training points.</source>
        <translation>损失不再下降，但网络在 {0} 的训练点上仍然出错。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="81"/>
        <source>Lower the learning rate 10× and start again</source>
        <translation>学习率降为 1/10 并重新开始</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="82"/>
        <source>Steps proportional to a steep slope overshoot the minimum; a smaller learning rate takes smaller, safer steps.</source>
        <translation>与陡峭斜率成正比的步子会越过最小值；更小的学习率迈出更小、更稳的步子。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="85"/>
        <source>Switch to leaky ReLU and start again</source>
        <translation>换用 leaky ReLU 并重新开始</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="86"/>
        <source>A leaky ReLU keeps a small slope below 0, so a unit that went quiet still gets a gradient and can come back.</source>
        <translation>leaky ReLU 在 0 以下保留一个小斜率，沉寂的神经元仍能得到梯度并恢复。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="89"/>
        <source>Use Xavier initialisation and start again</source>
        <translation>使用 Xavier 初始化并重新开始</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="90"/>
        <source>Units that start with the same weights get the same gradient and stay identical; random starting weights tell them apart.</source>
        <translation>初始权重相同的神经元得到相同的梯度，永远一模一样；随机的初始权重才能让它们各不相同。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="93"/>
        <source>Use tanh and start again</source>
        <translation>使用 tanh 并重新开始</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="94"/>
        <source>Linear units add up to one straight line, however many there are; a curved activation lets the network bend its boundary.</source>
        <translation>线性神经元再多，加起来也只是一条直线；弯曲的激活函数才能让网络的边界弯曲。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="97"/>
        <source>Raise the learning rate 10×</source>
        <translation>学习率提高 10 倍</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="98"/>
        <source>Steps this small barely move the weights; a larger rate takes bigger steps. Training goes on from here.</source>
        <translation>这么小的步子几乎不改变权重；更大的学习率迈出更大的步子。训练从当前状态继续。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="101"/>
        <source>Double the neurons and start again</source>
        <translation>神经元加倍并重新开始</translation>
    </message>
    <message>
        <location filename="../../gui/playground/training_banner.py" line="102"/>
        <source>A network this small may not be able to draw the boundary this data needs.</source>
        <translation>这么小的网络可能画不出这份数据需要的边界。</translation>
    </message>
</context>
<context>
    <name>TrainingController</name>
    <message>
        <location filename="../../gui/worker/training_controller.py" line="114"/>
        <source>The training worker ended unexpectedly; reset or restart to continue.</source>
        <translation>训练进程意外结束；请重置或重新启动以继续。</translation>
    </message>
</context>
<context>
    <name>TransformedDialog</name>
    <message>
        <location filename="../../gui/playground/transformed_dialog.py" line="24"/>
        <source>The plane as a hidden layer sees it</source>
        <translation>隐藏层眼中的平面</translation>
    </message>
    <message>
        <location filename="../../gui/playground/transformed_dialog.py" line="27"/>
        <source>What the horizontal axis shows: an input feature, a hidden neuron&apos;s activation, or an output&apos;s weighted sum before its activation.</source>
        <translation>横轴显示的量：一个输入特征、一个隐藏神经元的激活值，或某个输出在激活函数之前的加权和。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/transformed_dialog.py" line="30"/>
        <source>What the vertical axis shows; it may come from another layer than the horizontal one.</source>
        <translation>纵轴显示的量；它可以来自与横轴不同的层。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/transformed_dialog.py" line="33"/>
        <source>Each point of the input plane goes to the values of two units. Straight grid lines bend; classes a line could not split may become separable here.</source>
        <translation>输入平面上的每个点都被映射到两个单元的值。直的网格线会弯曲；一条直线分不开的类别在这里可能变得可以分开。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/transformed_dialog.py" line="45"/>
        <source>x axis</source>
        <translation>横轴</translation>
    </message>
    <message>
        <location filename="../../gui/playground/transformed_dialog.py" line="45"/>
        <source>y axis</source>
        <translation>纵轴</translation>
    </message>
    <message>
        <location filename="../../gui/playground/transformed_dialog.py" line="62"/>
        <source>output {0} (weighted sum z)</source>
        <translation>输出 {0}（加权和 z）</translation>
    </message>
    <message>
        <location filename="../../gui/playground/transformed_dialog.py" line="63"/>
        <source>layer {0} · neuron {1}</source>
        <translation>第 {0} 层 · 神经元 {1}</translation>
    </message>
</context>
<context>
    <name>WeightEffectView</name>
    <message>
        <location filename="../../gui/playground/weight_effect_view.py" line="34"/>
        <source>% of weights</source>
        <translation>权重占比 %</translation>
    </message>
    <message>
        <location filename="../../gui/playground/weight_effect_view.py" line="66"/>
        <source>Every weight: at step {0:,d} (grey) and now (blue)</source>
        <translation>全部权重：第 {0:,d} 步时（灰）与现在（蓝）</translation>
    </message>
    <message>
        <location filename="../../gui/playground/weight_effect_view.py" line="69"/>
        <source>Since step {0:,d}:</source>
        <translation>自第 {0:,d} 步以来：</translation>
    </message>
    <message>
        <location filename="../../gui/playground/weight_effect_view.py" line="70"/>
        <source>near 0 (|w| &lt; {0:g}): {1:.0%} → {2:.0%}</source>
        <translation>接近 0（|w| &lt; {0:g}）：{1:.0%} → {2:.0%}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/weight_effect_view.py" line="72"/>
        <source>RMS: {0:.3f} → {1:.3f}</source>
        <translation>均方根：{0:.3f} → {1:.3f}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/weight_effect_view.py" line="73"/>
        <source>largest |w|: {0:.2f} → {1:.2f}</source>
        <translation>最大 |w|：{0:.2f} → {1:.2f}</translation>
    </message>
    <message>
        <location filename="../../gui/playground/weight_effect_view.py" line="80"/>
        <source>L1 pulls every weight towards 0 by the same amount: the ones the network does not need end at 0.</source>
        <translation>L1 把每个权重以相同的量拉向 0：网络不需要的权重最终变为 0。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/weight_effect_view.py" line="82"/>
        <source>L2 shrinks every weight in proportion to its size: the large ones shrink most, few reach 0.</source>
        <translation>L2 按大小比例缩小每个权重：大的缩得最多，很少变为 0。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/weight_effect_view.py" line="84"/>
        <source>Dropout: no neuron can be relied on alone, so the work is spread over more, smaller weights.</source>
        <translation>随机失活（dropout）：不能单独依赖任何一个神经元，所以工作分摊到更多、更小的权重上。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/weight_effect_view.py" line="86"/>
        <source>Input noise: a sharp boundary costs more, so the weights stay smaller.</source>
        <translation>输入噪声：陡峭的边界代价更高，所以权重保持较小。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/weight_effect_view.py" line="88"/>
        <source>Batch norm: each sum is re-scaled, so how large the weights are matters less.</source>
        <translation>批归一化：每个加权和都会被重新缩放，所以权重的大小不那么重要。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/weight_effect_view.py" line="90"/>
        <source>Layer norm: each sample&apos;s sums are re-scaled together, so how large the weights are matters less.</source>
        <translation>层归一化：每个样本的加权和被一起重新缩放，所以权重的大小不那么重要了。</translation>
    </message>
    <message>
        <location filename="../../gui/playground/weight_effect_view.py" line="94"/>
        <source>No regulariser is on: nothing stops the weights from growing. Switch one on and watch this plot.</source>
        <translation>没有开启正则化：没有什么能阻止权重增长。开启一个，然后观察这张图。</translation>
    </message>
</context>
<context>
    <name>WeightsView</name>
    <message>
        <location filename="../../gui/digits/results_views.py" line="150"/>
        <source>First-layer weights</source>
        <translation>第一层权重</translation>
    </message>
    <message>
        <location filename="../../gui/digits/results_views.py" line="151"/>
        <source>Train a model to see what each first-layer neuron looks for.</source>
        <translation>训练一个模型后，这里会显示第一层每个神经元在寻找什么。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/results_views.py" line="154"/>
        <source>What each first-layer neuron looks for: blue pixels raise its sum, orange ones lower it.</source>
        <translation>第一层每个神经元在寻找什么：蓝色像素使它的加权和变大，橙色像素使它变小。</translation>
    </message>
    <message>
        <location filename="../../gui/digits/results_views.py" line="160"/>
        <source>The previous 64 neurons</source>
        <translation>前 64 个神经元</translation>
    </message>
    <message>
        <location filename="../../gui/digits/results_views.py" line="161"/>
        <source>The next 64 neurons</source>
        <translation>后 64 个神经元</translation>
    </message>
    <message>
        <location filename="../../gui/digits/results_views.py" line="211"/>
        <source>neurons {0}–{1} of {2}</source>
        <translation>第 {0}–{1} 个神经元，共 {2} 个</translation>
    </message>
</context>
</TS>
