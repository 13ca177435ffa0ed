<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>Accessibility</name>
    <message>
        <location filename="../../ui/shell/accessibility.cpp" line="37" />
        <source>Stop the range test; the curve so far stays on the plot.</source>
        <translation>停止范围测试；已得到的曲线会保留在图上。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/accessibility.cpp" line="49" />
        <source>Loss landscape with the optimizer's path</source>
        <translation>带有优化器路径的损失地形</translation>
    </message>
    <message>
        <location filename="../../ui/shell/accessibility.cpp" line="50" />
        <source>Loss against step</source>
        <translation>损失随步数的变化</translation>
    </message>
    <message>
        <location filename="../../ui/shell/accessibility.cpp" line="51" />
        <source>Validation accuracy against step</source>
        <translation>验证准确率随步数的变化</translation>
    </message>
    <message>
        <location filename="../../ui/shell/accessibility.cpp" line="52" />
        <source>Learning-rate schedule against step</source>
        <translation>学习率调度随步数的变化</translation>
    </message>
    <message>
        <location filename="../../ui/shell/accessibility.cpp" line="60" />
        <source>Plot</source>
        <translation>图</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="86" />
        <source>Constant</source>
        <translation>恒定</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="87" />
        <source>Cosine</source>
        <translation>余弦退火</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="88" />
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="89" />
        <source>Polynomial</source>
        <translation>多项式</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="90" />
        <source>Exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="91" />
        <source>Step</source>
        <translation>阶梯</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="92" />
        <source>Cosine with restarts (SGDR)</source>
        <translation>带重启的余弦退火（SGDR）</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="93" />
        <source>Inverse square root</source>
        <translation>平方根倒数</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="94" />
        <source>One-cycle</source>
        <translation>One-cycle（单周期）</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="95" />
        <source>Warmup–stable–decay (WSD)</source>
        <translation>预热–稳定–衰减（WSD）</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="51" />
        <source>Linear regression (w, b)</source>
        <translation>线性回归 (w, b)</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="52" />
        <source>Logistic regression (w, b)</source>
        <translation>逻辑回归 (w, b)</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="53" />
        <source>Softmax regression</source>
        <translation>Softmax 回归</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="54" />
        <source>MLP (neural network)</source>
        <translation>MLP（神经网络）</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="61" />
        <source>Iris (150 × 4, 3 classes)</source>
        <translation>鸢尾花 Iris（150 × 4，3 类）</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="62" />
        <source>Wine (178 × 13, 3 classes)</source>
        <translation>葡萄酒 Wine（178 × 13，3 类）</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="63" />
        <source>Breast cancer (569 × 30, 2 classes)</source>
        <translation>乳腺癌 Breast cancer（569 × 30，2 类）</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="64" />
        <source>Digits (1797 × 64, 10 classes)</source>
        <translation>手写数字 Digits（1797 × 64，10 类）</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="65" />
        <source>Diabetes (442 × 10, regression)</source>
        <translation>糖尿病 Diabetes（442 × 10，回归）</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="66" />
        <source>Fashion-MNIST (70000 × 784, 10 classes)</source>
        <translation>Fashion-MNIST（70000 × 784，10 类）</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="25" />
        <source>Quadratic</source>
        <translation>二次函数</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="26" />
        <source>Rosenbrock</source>
        <translation>Rosenbrock 函数</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="27" />
        <source>Beale</source>
        <translation>Beale 函数</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="28" />
        <source>Himmelblau</source>
        <translation>Himmelblau 函数</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="29" />
        <source>Rastrigin</source>
        <translation>Rastrigin 函数</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="30" />
        <source>Ackley</source>
        <translation>Ackley 函数</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="31" />
        <source>Saddle</source>
        <translation>鞍面</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="32" />
        <source>Six-hump camel</source>
        <translation>六峰驼背函数</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="33" />
        <source>Styblinski–Tang</source>
        <translation>Styblinski–Tang 函数</translation>
    </message>
    <message>
        <location filename="../../ui/controls/display_names.cpp" line="34" />
        <source>Booth</source>
        <translation>Booth 函数</translation>
    </message>
</context>
<context>
    <name>lrlab</name>
    <message>
        <location filename="../../ui/export/plot_export.cpp" line="255" />
        <source>PNG image (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/export/plot_export.cpp" line="255" />
        <source>SVG vector image (*.svg)</source>
        <translation>SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/export/plot_export.cpp" line="256" />
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/export/plot_export.cpp" line="262" />
        <location filename="../../ui/export/plot_export.cpp" line="280" />
        <source>Export figure</source>
        <translation>导出图形</translation>
    </message>
    <message>
        <location filename="../../ui/export/plot_export.cpp" line="281" />
        <source>The figure could not be saved:
%1</source>
        <translation>无法保存图形：
%1</translation>
    </message>
    <message>
        <location filename="../../ui/export/animation_export.cpp" line="97" />
        <source>Rendering the animation…</source>
        <translation>正在渲染动画…</translation>
    </message>
    <message>
        <location filename="../../ui/export/animation_export.cpp" line="97" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/export/animation_export.cpp" line="98" />
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <location filename="../../ui/export/animation_export.cpp" line="104" />
        <source>Frame %1 of %2</source>
        <translation>第 %1 / %2 帧</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="22" />
        <source>full fine-tuning</source>
        <translation>全量微调</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="24" />
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="26" />
        <source>head-only</source>
        <translation>仅输出头</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="90" />
        <source>&lt;i&gt;Run the sweep to measure the best learning rate of each method.&lt;/i&gt;</source>
        <translation>&lt;i&gt;运行扫描以测量每种方法的最佳学习率。&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="100" />
        <source>LoRA above full fine-tuning</source>
        <translation>LoRA 的学习率高于全量微调</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="101" />
        <source>source accuracy lost at large LRs</source>
        <translation>大学习率下源任务准确率下降</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="102" />
        <source>smaller data wanting smaller LRs</source>
        <translation>数据越少需要的学习率越小</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="111" />
        <source>%1: every run diverged</source>
        <translation>%1：所有运行都发散了</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="113" />
        <source>%1 &lt;b&gt;%2&lt;/b&gt; (target %3)</source>
        <translation>%1 &lt;b&gt;%2&lt;/b&gt;（目标任务 %3）</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="117" />
        <source>&lt;b&gt;Measured&lt;/b&gt; (%1, %2 training images, %3, %4 steps), best LR: %5. Before fine-tuning the pre-trained model scores %6 on the target task and %7 on the source task.</source>
        <translation>&lt;b&gt;实测&lt;/b&gt;（%1，%2 张训练图像，%3，%4 步），最佳学习率：%5。微调之前，预训练模型在目标任务上的得分为 %6，在源任务上为 %7。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="131" />
        <source>the quoted %1 (LoRA) vs %2 (full)</source>
        <translation>引用值 %1（LoRA）对比 %2（全量）</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="139" />
        <source>LoRA's best LR %1 is %2 full fine-tuning's %3 — the same ordering as %4.</source>
        <translation>LoRA 的最佳学习率 %1 是全量微调 %3 的 %2 — 顺序与%4相同。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="143" />
        <source>LoRA's best LR %1 is &lt;i&gt;below&lt;/i&gt; full fine-tuning's %2: the ordering of %3 is &lt;b&gt;not reproduced&lt;/b&gt; here.</source>
        <translation>LoRA 的最佳学习率 %1 &lt;i&gt;低于&lt;/i&gt;全量微调的 %2：%3的顺序在此处&lt;b&gt;未能复现&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="147" />
        <source>LoRA and full fine-tuning share the best LR %1 here: the ordering of %2 is &lt;b&gt;not reproduced&lt;/b&gt; at this grid's resolution.</source>
        <translation>LoRA 与全量微调在此处的最佳学习率同为 %1：在该网格的分辨率下，%2的顺序&lt;b&gt;未能复现&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="151" />
        <source>The LoRA/full ordering cannot be read: a method has no run that did not diverge.</source>
        <translation>无法判断 LoRA 与全量微调的顺序：有一种方法的所有运行都发散了。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="168" />
        <source>Forgetting: full fine-tuning keeps %1 of the source task at %2 but only %3 at %4 — too large an LR overwrites what pre-training learned, which is why the quoted full-parameter rate (%5) is the smallest.</source>
        <translation>遗忘：全量微调在 %2 时保留了源任务的 %1，在 %4 时却只剩 %3 — 学习率过大会覆盖预训练学到的知识，这正是引用的全参数学习率（%5）最小的原因。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="178" />
        <source>Forgetting: full fine-tuning's source accuracy moves by less than 10 points over the LRs that did not diverge (%1 at %2, lowest %3): the forgetting claim is &lt;b&gt;not reproduced&lt;/b&gt; on this grid.</source>
        <translation>遗忘：在未发散的学习率范围内，全量微调的源任务准确率变化不足 10 个百分点（%2 时为 %1，最低为 %3）：遗忘的说法在该网格上&lt;b&gt;未能复现&lt;/b&gt;。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="190" />
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="194" />
        <source>Source accuracy kept at each method's best LR: %1.</source>
        <translation>各方法在其最佳学习率下保留的源任务准确率：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="208" />
        <source>The general %1 (conservative %2) corresponds to %3 on this grid, where full fine-tuning reaches %4 on the target task (%5 at its best LR).</source>
        <translation>通用的 %1（保守值 %2）在该网格上对应 %3，此时全量微调在目标任务上达到 %4（在其最佳学习率下为 %5）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="217" />
        <source>The general %1 (conservative %2) lies %3 this grid (%4 – %5).</source>
        <translation>通用的 %1（保守值 %2）%3该网格的范围（%4 – %5）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="221" />
        <source>below</source>
        <translation>低于</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="222" />
        <source>above</source>
        <translation>高于</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="260" />
        <source>smaller with less data, as quoted</source>
        <translation>数据越少越小，与引用一致</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="262" />
        <source>the same at every size: &lt;b&gt;not reproduced&lt;/b&gt;</source>
        <translation>各种规模下都相同：&lt;b&gt;未能复现&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="264" />
        <source>not smaller with less data: &lt;b&gt;not reproduced&lt;/b&gt;</source>
        <translation>数据更少时并未变小：&lt;b&gt;未能复现&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="266" />
        <source>%1: %2 (%3)</source>
        <translation>%1：%2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="272" />
        <source>Best LR by training-set size — %1.</source>
        <translation>各训练集规模下的最佳学习率 — %1。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="276" />
        <source>&lt;i&gt;These are the numbers of a 64-128-10 MLP on 8×8 digits after %1 steps, not of a large language model: absolute rates differ by orders of magnitude between the two (larger models and longer runs want smaller rates).</source>
        <translation>&lt;i&gt;这些数字来自在 8×8 手写数字上训练 %1 步的 64-128-10 MLP，而不是大型语言模型：两者的绝对学习率相差几个数量级（更大的模型和更长的训练需要更小的学习率）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="282" />
        <source> What to compare is the ordering this sweep shows — %1.</source>
        <translation>应该比较的是本次扫描显示出的顺序 — %1。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="285" />
        <source> This sweep does not show %1: it is no evidence for it.</source>
        <translation>本次扫描没有显示出%1：不能作为其证据。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_summary.cpp" line="286" />
        <source> or </source>
        <translation>或</translation>
    </message>
</context>
<context>
    <name>lrlab::AnalysisDocks</name>
    <message>
        <location filename="../../ui/explorer/analysis_docks.cpp" line="104" />
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/analysis_docks.cpp" line="105" />
        <source>LR finder</source>
        <translation>学习率范围测试</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/analysis_docks.cpp" line="106" />
        <source>Sweep</source>
        <translation>扫描</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/analysis_docks.cpp" line="107" />
        <source>Fine-tuning</source>
        <translation>微调</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/analysis_docks.cpp" line="108" />
        <source>Runs</source>
        <translation>运行记录</translation>
    </message>
</context>
<context>
    <name>lrlab::ComparePainter</name>
    <message>
        <location filename="../../ui/compare/compare_painter.cpp" line="324" />
        <source>%1 (not on this plane)</source>
        <translation>%1（不在此平面上）</translation>
    </message>
</context>
<context>
    <name>lrlab::CopyAsMenu</name>
    <message>
        <location filename="../../ui/shell/copy_as_menu.cpp" line="21" />
        <source>PyTorch</source>
        <translation>PyTorch</translation>
    </message>
    <message>
        <location filename="../../ui/shell/copy_as_menu.cpp" line="23" />
        <source>Hugging Face</source>
        <translation>Hugging Face</translation>
    </message>
    <message>
        <location filename="../../ui/shell/copy_as_menu.cpp" line="25" />
        <source>Lightning</source>
        <translation>Lightning</translation>
    </message>
    <message>
        <location filename="../../ui/shell/copy_as_menu.cpp" line="32" />
        <source>Copy &amp;as</source>
        <translation>复制为(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/copy_as_menu.cpp" line="41" />
        <source>Copy the optimizer and learning-rate schedule as %1 code</source>
        <translation>将优化器和学习率调度复制为 %1 代码</translation>
    </message>
    <message>
        <location filename="../../ui/shell/copy_as_menu.cpp" line="51" />
        <source>Copied the optimizer and schedule as %1 code to the clipboard</source>
        <translation>已将优化器和调度以 %1 代码复制到剪贴板</translation>
    </message>
</context>
<context>
    <name>lrlab::CurvePlots</name>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="40" />
        <location filename="../../ui/explorer/curve_plots.cpp" line="205" />
        <source>Loss  f − f*  (log scale)</source>
        <translation>损失  f − f*  （对数刻度）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="41" />
        <location filename="../../ui/explorer/curve_plots.cpp" line="75" />
        <location filename="../../ui/explorer/curve_plots.cpp" line="85" />
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="41" />
        <location filename="../../ui/explorer/curve_plots.cpp" line="190" />
        <source>f − f*</source>
        <translation>f − f*</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="45" />
        <source>smoothed (EMA)</source>
        <translation>平滑（EMA）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="48" />
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="72" />
        <source>Accuracy on the validation rows (held out from training), measured every eval_every steps.</source>
        <translation>在验证行（不参与训练的留出数据）上的准确率，每 eval_every 步测量一次。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="74" />
        <source>Validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="75" />
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="85" />
        <source>Learning-rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="85" />
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="89" />
        <source>schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="146" />
        <source>limit %1</source>
        <translation>上限 %1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="147" />
        <source>limit %1 ↑</source>
        <translation>上限 %1 ↑</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="205" />
        <source>Loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="207" />
        <source>Loss (linear scale)</source>
        <translation>损失（线性刻度）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="208" />
        <source>Loss  f − f*  (linear scale)</source>
        <translation>损失  f − f*  （线性刻度）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="190" />
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="250" />
        <source>SGD's limit %1 (reference)</source>
        <translation>SGD 的上限 %1（参考）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="251" />
        <source>SGD's limit %1 (reference, far above)</source>
        <translation>SGD 的上限 %1（参考，远高于此）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="253" />
        <source>stable limit %1</source>
        <translation>稳定上限 %1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="254" />
        <source>stable limit %1 (far above)</source>
        <translation>稳定上限 %1（远高于此）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="291" />
        <source>diverged at step %1</source>
        <translation>在第 %1 步发散</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/curve_plots.cpp" line="303" />
        <source>minibatch (current)</source>
        <translation>小批量（当前）</translation>
    </message>
</context>
<context>
    <name>lrlab::DiagnosisPanel</name>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="83" />
        <source>Diverged</source>
        <translation>发散</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="85" />
        <source>Oscillating</source>
        <translation>振荡</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="87" />
        <source>Stagnating</source>
        <translation>停滞</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="89" />
        <source>Converging</source>
        <translation>正在收敛</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="91" />
        <source>Overfitting</source>
        <translation>过拟合</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="169" />
        <source>The learning rate is too large: lower it (try 10x smaller) or add warmup.</source>
        <translation>学习率太大：请降低学习率（试试缩小到 1/10），或加入预热。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="171" />
        <source>The loss bounces instead of settling: lower the learning rate, or let a decay schedule bring it down.</source>
        <translation>损失来回跳动而无法稳定下来：请降低学习率，或使用衰减调度让学习率逐渐降低。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="174" />
        <source>The loss barely moves: raise the learning rate, or use warmup with a higher peak and a decay schedule.</source>
        <translation>损失几乎不动：请提高学习率，或使用预热配合更高的峰值和衰减调度。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="177" />
        <source>Steady progress: the learning rate is in a good range.</source>
        <translation>稳步下降：学习率处于合适的范围。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="179" />
        <source>Validation loss rises while training loss falls: add weight decay (AdamW), use more data, or stop earlier.</source>
        <translation>训练损失下降而验证损失上升：请加入权重衰减（AdamW）、使用更多数据，或更早停止训练。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="114" />
        <source>at the rate of its last %1 steps it would need about %2 more steps to come within %3% of its starting excess over the floor (the run has %4)</source>
        <translation>按最近 %1 步的速度，还需要约 %2 步才能降到距下界不超过起始超出量的 %3%（本次运行共 %4 步）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="120" />
        <source>the loss fell by %1% of its excess over the floor</source>
        <translation>损失下降了其高出下界部分的 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="123" />
        <source>no steps were run</source>
        <translation>没有运行任何一步</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="125" />
        <source>the loss became non-finite at step %1</source>
        <translation>损失在第 %1 步变为非有限值</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="127" />
        <source>the loss ended %1 times above its start</source>
        <translation>最终损失高出下界的部分是起始时的 %1 倍</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="129" />
        <source>validation loss rose from %1 to %2 while training loss fell</source>
        <translation>训练损失下降的同时，验证损失从 %1 升到 %2</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="135" />
        <source>%1% of the late steps reverse direction; the loss travels %2 times its net change</source>
        <translation>后半程有 %1% 的步改变方向；损失走过的总路程是其净变化的 %2 倍</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="139" />
        <source>the run starts at the minimum</source>
        <translation>运行从最小值处开始</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="141" />
        <source>the loss fell by only %1% of its excess over the floor</source>
        <translation>损失仅下降了其高出下界部分的 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="144" />
        <source>too slow: over the last %1 steps the loss stopped falling, %2 of its starting excess above the floor</source>
        <translation>太慢：最近 %1 步损失不再下降，仍高出下界起始超出量的 %2</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="149" />
        <source>too slow: %1</source>
        <translation>太慢：%1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="151" />
        <source>%1; it ended within %2% of its starting excess from the floor</source>
        <translation>%1；最终距下界不超过起始超出量的 %2%</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="154" />
        <source>%1; the run is too short to measure its recent rate</source>
        <translation>%1；运行太短，无法测量最近的下降速度</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="156" />
        <source>%1; %2</source>
        <translation>%1；%2</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="132" />
        <source>validation error (1 - accuracy) rose from %1 to %2 while training loss fell</source>
        <translation>训练损失下降的同时，验证错误率（1 − 准确率）从 %1 升到 %2</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/diagnosis_panel.cpp" line="158" />
        <source>the loss fell by %1% of its start; with no known floor its recent rate is not judged</source>
        <translation>损失比起始值下降了 %1%；下界未知，不评判其最近的下降速度</translation>
    </message>
</context>
<context>
    <name>lrlab::DifferenceLabel</name>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="125" />
        <source>no hidden layer</source>
        <translation>无隐藏层</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="129" />
        <source>hidden %1</source>
        <translation>隐藏层 %1</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="137" />
        <source>init of %1 values</source>
        <translation>%1 个初始值</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="142" />
        <source>start (%1)</source>
        <translation>起点 (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="151" />
        <source>lr</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="153" />
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="156" />
        <source>alpha</source>
        <translation>alpha</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="157" />
        <source>eps</source>
        <translation>eps</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="159" />
        <source>wd</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="161" />
        <source>block</source>
        <translation>块大小</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="163" />
        <source>warmup</source>
        <translation>预热</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="164" />
        <source>min lr</source>
        <translation>最小学习率</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="166" />
        <source>schedule steps</source>
        <translation>调度步数</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="167" />
        <source>gamma</source>
        <translation>gamma</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="169" />
        <source>step size</source>
        <translation>步长间隔</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="171" />
        <source>steps/epoch</source>
        <translation>每轮步数</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="174" />
        <source>power</source>
        <translation>幂次</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="176" />
        <source>timescale</source>
        <translation>时间尺度</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="178" />
        <source>pct start</source>
        <translation>上升比例</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="179" />
        <source>div</source>
        <translation>初始除数</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="181" />
        <source>final div</source>
        <translation>最终除数</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="183" />
        <source>decay fraction</source>
        <translation>衰减比例</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="184" />
        <source>feature</source>
        <translation>特征</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="186" />
        <source>batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="188" />
        <source>val</source>
        <translation>验证比例</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="189" />
        <source>noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="190" />
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="191" />
        <source>eval every</source>
        <translation>评估间隔</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="192" />
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="199" />
        <source>nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="200" />
        <source>no nesterov</source>
        <translation>无 Nesterov</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="204" />
        <source>constant lr</source>
        <translation>恒定学习率</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="205" />
        <source>%1 decay</source>
        <translation>%1 衰减</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="209" />
        <source>warmup from %1×</source>
        <translation>预热起点 %1×</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="212" />
        <source>%1 cool-down</source>
        <translation>%1 冷却</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="217" />
        <source>angle %1°</source>
        <translation>角度 %1°</translation>
    </message>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="331" />
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
</context>
<context>
    <name>lrlab::ExperimentPanel</name>
    <message>
        <location filename="../../ui/controls/experiment_panel.cpp" line="26" />
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../ui/controls/experiment_panel.cpp" line="31" />
        <source>Learning rate: the size of each step, on a log scale from 10⁻⁶ to 10. Too small: the path crawls and stops far from the minimum. Too large: it oscillates across the valley and, past the red mark, diverges. The red mark is the stable limit 2/λ₁ of gradient descent, λ₁ being the largest curvature (Hessian eigenvalue) at the start point; with momentum β it moves to 2(1+β)/λ₁. The green mark is the best constant rate 2/(λ₁+λₙ) of gradient descent on a quadratic.</source>
        <translation>学习率：每一步的大小，采用从 10⁻⁶ 到 10 的对数刻度。太小：路径缓慢爬行，停在离最小值很远的地方。太大：路径在山谷两侧来回振荡，越过红色标记后就会发散。红色标记是梯度下降的稳定上限 2/λ₁，其中 λ₁ 是起点处的最大曲率（Hessian 特征值）；使用动量 β 时，它移动到 2(1+β)/λ₁。绿色标记是梯度下降在二次函数上的最佳恒定学习率 2/(λ₁+λₙ)。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/experiment_panel.cpp" line="39" />
        <source>&amp;Learning rate (peak):</source>
        <translation>学习率（峰值）(&amp;L)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/experiment_panel.cpp" line="55" />
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <location filename="../../ui/controls/experiment_panel.cpp" line="57" />
        <source>&amp;Pin run</source>
        <translation>固定运行(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/controls/experiment_panel.cpp" line="59" />
        <source>Keep the current run on every plot (Ctrl+P), in its own colour, to compare it with the next ones. Up to 8; a ninth replaces the oldest.</source>
        <translation>将当前运行以其自己的颜色保留在每个图上（Ctrl+P），以便与之后的运行比较。最多 8 个；第九个会替换最早的一个。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/experiment_panel.cpp" line="61" />
        <source>C&amp;lear pins</source>
        <translation>清除固定(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/controls/experiment_panel.cpp" line="63" />
        <source>Remove every pinned run.</source>
        <translation>移除所有已固定的运行。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/experiment_panel.cpp" line="64" />
        <source>LR &amp;trio ×0.1 / ×1 / ×10</source>
        <translation>学习率三档对比 ×0.1 / ×1 / ×10(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/controls/experiment_panel.cpp" line="66" />
        <source>Run the current setting at a tenth, at, and at ten times the learning rate and pin all three: too small, right, too large.</source>
        <translation>分别以十分之一、原值和十倍的学习率运行当前设置，并固定这三个运行：太小、合适、太大。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/experiment_panel.cpp" line="86" />
        <source>No pinned runs.</source>
        <translation>没有已固定的运行。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/experiment_panel.cpp" line="86" />
        <source>%1 of %2 pinned</source>
        <translation>已固定 %1 / %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/controls/experiment_panel.cpp" line="89" />
        <source>%n pinned run(s) hidden: made on another problem, they return with it.</source>
        <translation>
            <numerusform>%n 条固定的运行已隐藏：它们属于另一个问题，切换回该问题时会重新显示。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/controls/experiment_panel.cpp" line="92" />
        <source>Pins are drawn only on the axes they were made on (the same surface, or the same dataset).</source>
        <translation>固定的运行只画在其所属的坐标轴上（同一曲面或同一数据集）。</translation>
    </message>
</context>
<context>
    <name>lrlab::ExportController</name>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="104" />
        <source>&amp;Landscape…</source>
        <translation>损失地形(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="105" />
        <source>Save the loss landscape with every path as PNG, SVG or PDF.</source>
        <translation>将带有所有路径的损失地形保存为 PNG、SVG 或 PDF。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="106" />
        <source>L&amp;oss…</source>
        <translation>损失(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="106" />
        <source>Save the loss curves as PNG, SVG or PDF.</source>
        <translation>将损失曲线保存为 PNG、SVG 或 PDF。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="107" />
        <source>Learning &amp;rate…</source>
        <translation>学习率(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="108" />
        <source>Save the learning-rate schedule plot as PNG, SVG or PDF.</source>
        <translation>将学习率调度图保存为 PNG、SVG 或 PDF。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="112" />
        <source>3-D l&amp;andscape…</source>
        <translation>三维损失地形(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="113" />
        <source>Save the 3-D landscape with every path and ball as PNG at any size.</source>
        <translation>将三维损失地形连同每条路径和小球保存为任意尺寸的 PNG。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="114" />
        <source>&amp;Dashboard (all plots)…</source>
        <translation>仪表板（所有图）(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="115" />
        <source>Save every plot side by side as one PNG, SVG or PDF figure.</source>
        <translation>将所有图并排保存为一张 PNG、SVG 或 PDF 图形。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="132" />
        <location filename="../../ui/export/export_controller.cpp" line="243" />
        <location filename="../../ui/export/export_controller.cpp" line="286" />
        <location filename="../../ui/export/export_controller.cpp" line="304" />
        <source>Export figure</source>
        <translation>导出图形</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="135" />
        <source>&amp;Copy dashboard to clipboard</source>
        <translation>将仪表板复制到剪贴板(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="136" />
        <source>Copy every plot as one image, to paste into slides or notes.</source>
        <translation>将所有图复制为一张图像，以便粘贴到幻灯片或笔记中。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="138" />
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="148" />
        <source>Current run as &amp;CSV…</source>
        <translation>当前运行导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="149" />
        <source>The current run's trace: step, learning rate, loss (and path or validation columns).</source>
        <translation>当前运行的记录：步、学习率、损失（以及路径列或验证列）。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="152" />
        <source>All shown runs as &amp;one CSV…</source>
        <translation>所有显示的运行导出为一个 CSV(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="153" />
        <source>Every shown run in one table, with a leading "run" column.</source>
        <translation>所有显示的运行放在一张表中，首列为 "run" 列。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="154" />
        <source>One CSV &amp;per shown run…</source>
        <translation>每个显示的运行导出一个 CSV(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="155" />
        <source>One trace file per shown run, in a folder you choose.</source>
        <translation>每个显示的运行一个记录文件，保存在你选择的文件夹中。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="158" />
        <source>Animation as &amp;GIF…</source>
        <translation>动画导出为 GIF(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="159" />
        <source>Render the playback of the shown runs as an animated GIF.</source>
        <translation>将显示的运行的回放渲染为 GIF 动画。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="160" />
        <source>GIF</source>
        <translation>GIF</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="184" />
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="211" />
        <source>Export as %1…</source>
        <translation>导出为 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="214" />
        <source>Copy to clipboard</source>
        <translation>复制到剪贴板</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="240" />
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="258" />
        <source>Figure size</source>
        <translation>图形尺寸</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="261" />
        <location filename="../../ui/export/export_controller.cpp" line="263" />
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="264" />
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="271" />
        <source>Pixels per point of the layout: 2× gives a sharp image for slides and print at the same layout; larger files.</source>
        <translation>版面上每个点对应的像素数：2× 可在版面不变的情况下为幻灯片和印刷提供清晰的图像，但文件更大。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="274" />
        <source>Scale (PNG):</source>
        <translation>缩放（PNG）：</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="287" />
        <location filename="../../ui/export/export_controller.cpp" line="321" />
        <location filename="../../ui/export/export_controller.cpp" line="517" />
        <source>There is no figure "%1".</source>
        <translation>不存在图形 "%1"。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="288" />
        <source>Unknown figure format of %1: use .png, .svg or .pdf.</source>
        <translation>%1 的图形格式未知：请使用 .png、.svg 或 .pdf。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="305" />
        <source>The figure could not be saved:
%1</source>
        <translation>无法保存图形：
%1</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="314" />
        <source>The figure is on the clipboard.</source>
        <translation>图形已复制到剪贴板。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="321" />
        <location filename="../../ui/export/export_controller.cpp" line="329" />
        <source>Copy figure</source>
        <translation>复制图形</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="348" />
        <location filename="../../ui/export/export_controller.cpp" line="400" />
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="360" />
        <source>Export one CSV per run</source>
        <translation>每次运行导出一个 CSV</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/export/export_controller.cpp" line="365" />
        <source>%n CSV file(s) written.</source>
        <translation>
            <numerusform>已写入 %n 个 CSV 文件。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="371" />
        <source>Export the current run as CSV</source>
        <translation>将当前运行导出为 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="371" />
        <source>Export the shown runs as one CSV</source>
        <translation>将显示的运行导出为一个 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="373" />
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="388" />
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="396" />
        <source>The run could not be exported:
%1</source>
        <translation>无法导出该运行：
%1</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="406" />
        <location filename="../../ui/export/export_controller.cpp" line="413" />
        <source>The runs could not be exported:
%1</source>
        <translation>无法导出这些运行：
%1</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="426" />
        <source>Export animation as GIF</source>
        <translation>将动画导出为 GIF</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="429" />
        <source>Landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="430" />
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="431" />
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="432" />
        <source>Dashboard</source>
        <translation>仪表板</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="434" />
        <source>3-D landscape</source>
        <translation>三维损失地形</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="435" />
        <source>Figure:</source>
        <translation>图形：</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="438" />
        <source>3-D landscape: how far the camera turns around it over the animation (0: the camera stays).</source>
        <translation>三维损失地形：动画过程中相机绕其旋转的角度（0：相机不动）。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="441" />
        <source>Camera orbit:</source>
        <translation>相机环绕：</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="454" />
        <source>Size (px):</source>
        <translation>尺寸（px）：</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="459" />
        <source>Frames per second: more is smoother and a larger file.</source>
        <translation>每秒帧数：越多越流畅，文件也越大。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="460" />
        <source>Frame rate:</source>
        <translation>帧率：</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="465" />
        <source>Steps:</source>
        <translation>步数：</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="464" />
        <source>The last step of the playback means the end of every shown run.</source>
        <translation>回放的最后一步即所有显示的运行的结尾。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="467" />
        <source>Best colours per frame</source>
        <translation>每帧最佳颜色</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="468" />
        <source>One fixed palette (smaller, faster)</source>
        <translation>单一固定调色板（更小、更快）</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="469" />
        <source>Palette:</source>
        <translation>调色板：</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="473" />
        <location filename="../../ui/export/export_controller.cpp" line="509" />
        <location filename="../../ui/export/export_controller.cpp" line="516" />
        <location filename="../../ui/export/export_controller.cpp" line="532" />
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="474" />
        <source>GIF animations (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="510" />
        <location filename="../../ui/export/export_controller.cpp" line="533" />
        <source>The animation could not be saved:
%1</source>
        <translation>无法保存动画：
%1</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="109" />
        <source>&amp;Imported runs…</source>
        <translation>导入的运行(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_controller.cpp" line="110" />
        <source>Save the Runs dock's loss, validation-loss and learning-rate plots as PNG, SVG or PDF.</source>
        <translation>将“运行记录”停靠窗口中的损失、验证损失和学习率图保存为 PNG、SVG 或 PDF。</translation>
    </message>
</context>
<context>
    <name>lrlab::ExportRun</name>
    <message>
        <location filename="../../ui/export/export_run.cpp" line="53" />
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_run.cpp" line="57" />
        <source>current</source>
        <translation>当前</translation>
    </message>
</context>
<context>
    <name>lrlab::FineTuneView</name>
    <message>
        <location filename="../../ui/views/finetune_outcome.cpp" line="31" />
        <source>full</source>
        <translation>全量</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_outcome.cpp" line="33" />
        <source>LoRA</source>
        <translation>LoRA</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_outcome.cpp" line="35" />
        <source>head-only</source>
        <translation>仅输出头</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="40" />
        <source>Training-set sizes: '%1' is not a positive integer or 'all'.</source>
        <translation>训练集大小：'%1' 不是正整数，也不是 'all'。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="65" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="69" />
        <source>mirror (left ↔ right)</source>
        <translation>镜像（左 ↔ 右）</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="70" />
        <source>rotate 90°</source>
        <translation>旋转 90°</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="71" />
        <source>invert intensities</source>
        <translation>反转灰度</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="72" />
        <source>The target task: the same digits, shifted. The source model was pre-trained on the plain images; fine-tuning adapts it to the shifted ones. Mirroring and rotating keep the strokes but move them; inverting keeps the shapes but flips every pixel.</source>
        <translation>目标任务：同样的数字，但经过了变换。源模型是在原始图像上预训练的；微调使它适应变换后的图像。镜像和旋转保留笔画，但改变了笔画的位置；反转保留形状，但翻转了每个像素的灰度。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="79" />
        <source>Target training images (a seeded draw; larger than the training split means all). Fine-tuning is usually done on small data: 100 images of a task the model has never seen. Small data give noisy gradients, which is why they are said to need smaller LRs.</source>
        <translation>目标任务的训练图像数（按随机种子抽取；大于训练划分的大小即表示全部）。微调通常在小数据上进行：例如模型从未见过的任务的 100 张图像。小数据带来噪声较大的梯度，这就是人们说它需要更小学习率的原因。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="86" />
        <source>e.g. 50,200,all</source>
        <translation>例如 50,200,all</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="103" />
        <source>S&amp;hift</source>
        <translation>变换(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="104" />
        <source>Training &amp;size</source>
        <translation>训练集大小(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="105" />
        <source>Cross si&amp;zes</source>
        <translation>交叉训练集大小(&amp;Z)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="111" />
        <source>Methods</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="114" />
        <source>Full fine-tuning: every weight and bias of the pre-trained MLP is trained. Most capacity, and the most to destroy: a large LR overwrites what pre-training learned (the commonly quoted rate for large models is a small 5e-6).</source>
        <translation>全量微调：训练预训练 MLP 的每一个权重和偏置。容量最大，可被破坏的也最多：过大的学习率会覆盖预训练学到的知识（大模型常被引用的学习率是很小的 5e-6）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="118" />
        <source>LoRA (Hu et al., 2021): each hidden weight W becomes W + (α/r)·B·A; only the small A and B are trained, B starts at zero, the pre-trained W stays frozen. Few parameters and a product that starts at zero: it is said to want a larger LR (commonly 1e-4).</source>
        <translation>LoRA（Hu 等，2021）：每个隐藏层权重 W 变为 W + (α/r)·B·A；只训练较小的 A 和 B，B 从零开始，预训练的 W 保持冻结。参数少，且乘积从零开始：因此据说它需要更大的学习率（通常为 1e-4）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="123" />
        <source>Head-only (linear probe): only the output layer is trained on the frozen pre-trained features. Cheapest; limited by how well the old features fit the new task.</source>
        <translation>仅输出头（线性探测）：只在冻结的预训练特征上训练输出层。开销最小；效果受限于旧特征与新任务的契合程度。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="127" />
        <source>&amp;Full fine-tuning</source>
        <translation>全量微调(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="128" />
        <source>Lo&amp;RA</source>
        <translation>LoRA(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="128" />
        <source>&amp;Head only</source>
        <translation>仅输出头(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="139" />
        <source>LoRA rank r: A is r×in, B is out×r. Trainable parameters grow linearly with r (PEFT's default 8).</source>
        <translation>LoRA 秩 r：A 为 r×in，B 为 out×r。可训练参数随 r 线性增长（PEFT 的默认值为 8）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="147" />
        <source>LoRA α: the update B·A is scaled by α/r, so α acts like a multiplier on LoRA's learning rate. With α = r the scale is 1.</source>
        <translation>LoRA α：更新量 B·A 按 α/r 缩放，因此 α 的作用相当于 LoRA 学习率的乘数。α = r 时缩放系数为 1。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="149" />
        <source>LoRA ran&amp;k r</source>
        <translation>LoRA 秩 r(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="150" />
        <source>LoRA &amp;α</source>
        <translation>LoRA α(&amp;α)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="158" />
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="165" />
        <source>The optimizer of every run, with PyTorch's defaults (AdamW: weight decay 0.01). The quoted fine-tuning LRs are AdamW rates. Pick adam8bit to see its state cost in the memory table (adam vs adam8bit are listed for every method anyway).</source>
        <translation>每次运行所用的优化器，使用 PyTorch 的默认值（AdamW：权重衰减 0.01）。引用的微调学习率都是 AdamW 的学习率。选择 adam8bit 可在内存表中看到其状态开销（不过每种方法都会列出 adam 与 adam8bit 的对比）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="173" />
        <source>The smallest learning rate of the grid.</source>
        <translation>网格中最小的学习率。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="174" />
        <source>The largest learning rate of the grid: go far enough right to see forgetting set in and runs fall apart.</source>
        <translation>网格中最大的学习率：要向右走得足够远，才能看到遗忘开始出现、运行崩溃。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="176" />
        <source>How many rates, evenly spaced on a log scale (13 over four decades is three per decade). Each is one run per method (and size).</source>
        <translation>学习率的个数，在对数刻度上均匀分布（四个数量级上取 13 个，即每个数量级三个）。每个学习率对每种方法（及每个大小）各运行一次。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="182" />
        <source>Optimizer updates per run. The best LR depends on it: fewer steps favour larger rates.</source>
        <translation>每次运行的优化器更新次数。最佳学习率取决于它：步数越少，越适合较大的学习率。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="185" />
        <source>Minibatch size (capped at the training-set size).</source>
        <translation>小批量大小（不超过训练集大小）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="188" />
        <source>Seeds the split, the pre-training, the minibatches and LoRA's A. A new seed pre-trains a new source model (cached too).</source>
        <translation>用于数据划分、预训练、小批量以及 LoRA 的 A 的随机种子。新的随机种子会预训练一个新的源模型（同样会被缓存）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="169" />
        <source>&amp;Optimizer</source>
        <translation>优化器(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="87" />
        <source>Optional: repeat the sweep for each training-set size (comma-separated, 'all' for the whole training split) and plot the best LR against the size; Training size is then not used. Empty: one size, the one above.</source>
        <translation>可选：对每个训练集大小重复扫描（用逗号分隔，'all' 表示整个训练划分），并绘制最佳学习率随大小的变化；此时不使用“训练集大小”。留空：只用一个大小，即上面的那个。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="97" />
        <source>Not used while Cross sizes is set: the sweep runs at each of those sizes instead. Clear Cross sizes to run at this one.</source>
        <translation>设置了“交叉大小”时不使用此项：扫描改为在其中每个大小上运行。清空“交叉大小”即可使用此大小。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="172" />
        <source>LR &amp;from</source>
        <translation>学习率起点(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="172" />
        <source>LR &amp;to</source>
        <translation>学习率终点(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="172" />
        <source>&amp;Rates</source>
        <translation>学习率个数(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="190" />
        <source>Ste&amp;ps</source>
        <translation>步数(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="191" />
        <source>&amp;Batch size</source>
        <translation>批量大小(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="192" />
        <source>S&amp;eed</source>
        <translation>随机种子(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="103" />
        <source>R&amp;un</source>
        <translation>运行(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="104" />
        <source>Run every method at every rate (× every size) in parallel on all cores (Ctrl+Return). A sweep already running is abandoned.</source>
        <translation>在所有 CPU 核心上并行地以每个学习率（× 每个大小）运行每种方法（Ctrl+Return）。已在进行的扫描会被放弃。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="106" />
        <source>Cance&amp;l</source>
        <translation>取消(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="106" />
        <source>Stop now (Esc). Runs check for it every step.</source>
        <translation>立即停止（Esc）。各运行在每一步都会检查停止请求。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="108" />
        <source>%v / %m runs</source>
        <translation>%v / %m 次运行</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="114" />
        <source>Which training-set size the accuracy and forgetting plots show (when sizes are crossed).</source>
        <translation>准确率图和遗忘图显示哪个训练集大小（交叉多个大小时）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="116" />
        <source>Sho&amp;w size</source>
        <translation>显示的大小(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="39" />
        <source>Validation accuracy against learning rate</source>
        <translation>验证准确率与学习率的关系</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="40" />
        <location filename="../../ui/views/finetune_curves.cpp" line="61" />
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="41" />
        <location filename="../../ui/views/finetune_run_plot.cpp" line="23" />
        <source>validation accuracy (%)</source>
        <translation>验证准确率（%）</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="45" />
        <source>Each point is one complete fine-tuning run at that learning rate.
• Solid: accuracy on the target (shifted) task — what fine-tuning is for.
• Dashed, same colour: accuracy on the original source task — what it keeps.
• Grey: the pre-trained model before fine-tuning.
Too small a rate barely moves the model (target stays near the grey line); too large destroys it (source falls, then target too). ◆ marks each method's best target accuracy. Click a point to see that run's loss curves.</source>
        <translation>每个点是以该学习率进行的一次完整微调。
• 实线：在目标（变换后）任务上的准确率 — 这正是微调的目的。
• 同色虚线：在原始源任务上的准确率 — 即保留下来的能力。
• 灰色：微调之前的预训练模型。
学习率太小几乎不会改变模型（目标准确率停留在灰线附近）；太大则会破坏模型（源任务准确率先下降，随后目标准确率也下降）。◆ 标出每种方法的最佳目标准确率。点击一个点可查看该运行的损失曲线。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="60" />
        <source>Forgetting: source accuracy lost</source>
        <translation>遗忘：源任务准确率的损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="62" />
        <source>points lost on the source task</source>
        <translation>源任务上损失的百分点</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="67" />
        <source>Forgetting = the pre-trained model's source validation accuracy minus the accuracy after fine-tuning, in percentage points: the gap between the grey line and the dashed curves on the left, shaded. Near zero at small rates; large rates overwrite what pre-training learned. LoRA and head-only freeze most weights, so they can forget less. Click a point to see that run.</source>
        <translation>遗忘 = 预训练模型在源任务上的验证准确率减去微调后的准确率，以百分点计：即左图中灰线与虚线之间的阴影间隙。学习率小时接近零；学习率大时会覆盖预训练学到的知识。LoRA 和仅输出头冻结了大部分权重，因此遗忘得更少。点击一个点可查看该运行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="82" />
        <source>%1 (target)</source>
        <translation>%1（目标任务）</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="88" />
        <source>source task (dashed)</source>
        <translation>源任务（虚线）</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="94" />
        <location filename="../../ui/views/finetune_tables.cpp" line="102" />
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="100" />
        <source>best LR</source>
        <translation>最佳学习率</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="134" />
        <source>pre-trained, source</source>
        <translation>预训练，源任务</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="137" />
        <source>pre-trained, target</source>
        <translation>预训练，目标任务</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="140" />
        <source>shown below</source>
        <translation>显示于下方</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_run_plot.cpp" line="19" />
        <location filename="../../ui/views/finetune_run_plot.cpp" line="47" />
        <source>One run's curves</source>
        <translation>单次运行的曲线</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_run_plot.cpp" line="20" />
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_run_plot.cpp" line="20" />
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_run_plot.cpp" line="26" />
        <source>The clicked run step by step. Thin: the minibatch training loss of every update (noisy: 32 images at a time). Thick: the target validation loss. Right axis: target (solid) and source (dashed) validation accuracy at the evaluation steps — watch the source accuracy drop while the target rises when the rate is large.</source>
        <translation>逐步展示所点击的运行。细线：每次更新的小批量训练损失（噪声较大：每次 32 张图像）。粗线：目标任务的验证损失。右轴：评估步上目标任务（实线）和源任务（虚线）的验证准确率 — 学习率较大时，可以看到源任务准确率下降而目标任务准确率上升。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_run_plot.cpp" line="32" />
        <source>training loss (minibatch)</source>
        <translation>训练损失（小批量）</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_run_plot.cpp" line="34" />
        <source>target validation loss</source>
        <translation>目标任务验证损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_run_plot.cpp" line="36" />
        <source>target accuracy</source>
        <translation>目标任务准确率</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_run_plot.cpp" line="38" />
        <source>source accuracy</source>
        <translation>源任务准确率</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="150" />
        <source>Best LR against training-set size</source>
        <translation>最佳学习率与训练集大小的关系</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="151" />
        <source>training images</source>
        <translation>训练图像数</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="151" />
        <source>best learning rate</source>
        <translation>最佳学习率</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="156" />
        <source>Each point is the best rate of one method at one training-set size (the sweep repeated per size). The quoted rule: less data → noisier gradients → a smaller LR, so the lines should rise to the right. Click a point to show that size above.</source>
        <translation>每个点是一种方法在一个训练集大小下的最佳学习率（对每个大小重复扫描）。引用的规律：数据越少 → 梯度噪声越大 → 学习率越小，因此曲线应当向右上升。点击一个点可在上方显示该大小。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="159" />
        <source>What the measured curves show, next to the learning rates commonly quoted for fine-tuning large models.</source>
        <translation>实测曲线所显示的结果，并与微调大模型时常被引用的学习率对照。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="31" />
        <source>What each method trains and what its optimizer must store. Adam keeps two float32 moments per trainable parameter (8 bytes); adam8bit keeps them in 8 bits with a scale per block (about 2 bytes). LoRA's and head-only's savings come from training fewer parameters, adam8bit's from storing each more compactly; they multiply.</source>
        <translation>每种方法训练哪些参数，以及其优化器必须存储什么。Adam 为每个可训练参数保存两个 float32 矩（8 字节）；adam8bit 以 8 位保存它们，每个块共享一个缩放因子（约 2 字节）。LoRA 和仅输出头的节省来自训练更少的参数，adam8bit 的节省来自更紧凑地存储每个参数；两者可以相乘叠加。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="37" />
        <source>Every run of the sweep. Enter or double-click shows its curves.</source>
        <translation>扫描中的每次运行。按 Enter 或双击可显示其曲线。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="41" />
        <source>Parameters &amp;&amp; optimizer state</source>
        <translation>参数与优化器状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="42" />
        <source>All runs</source>
        <translation>所有运行</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="275" />
        <source>Pick at least one method.</source>
        <translation>请至少选择一种方法。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_settings.cpp" line="279" />
        <source>The first learning rate must be smaller than the last.</source>
        <translation>起始学习率必须小于终止学习率。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="379" />
        <source>Preparing the data…</source>
        <translation>正在准备数据…</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="379" />
        <location filename="../../ui/views/finetune_view.cpp" line="409" />
        <source>Running %1 runs…</source>
        <translation>正在执行 %1 次运行…</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="391" />
        <source>Cancelled while preparing (the pre-training finishes in the background and is cached).</source>
        <translation>在准备期间已取消（预训练会在后台完成并被缓存）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="400" />
        <source>Pre-training the source model on digits… (first time only: the weights are cached on disk)</source>
        <translation>正在手写数字数据上预训练源模型…（仅首次：权重会缓存到磁盘）</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="402" />
        <source>Loading the data and the cached pre-trained model…</source>
        <translation>正在加载数据和已缓存的预训练模型…</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="416" />
        <location filename="../../ui/views/finetune_view.cpp" line="417" />
        <source>no data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="83" />
        <location filename="../../ui/views/finetune_view.cpp" line="416" />
        <source>Fine-tuning failed: %1</source>
        <translation>微调失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="445" />
        <source>%1 runs done.</source>
        <translation>已完成 %1 次运行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="448" />
        <source> Pre-trained model loaded from the cache.</source>
        <translation>已从缓存加载预训练模型。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="450" />
        <source> Source model pre-trained and cached in %1.</source>
        <translation>源模型已预训练并缓存于 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="454" />
        <source> Pre-trained without a cache: %1.</source>
        <translation>已预训练，但未能缓存：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_view.cpp" line="455" />
        <source> Click a point to see its loss curves.</source>
        <translation>点击一个点可查看其损失曲线。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="237" />
        <source>best %1</source>
        <translation>最佳 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="340" />
        <source>Press Run: one fine-tuning run per method and learning rate.</source>
        <translation>按“运行”：每种方法和每个学习率各进行一次微调。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="61" />
        <location filename="../../ui/views/finetune_tables.cpp" line="99" />
        <source>method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="62" />
        <source>trainable</source>
        <translation>可训练参数</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="63" />
        <source>of the model</source>
        <translation>占模型比例</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="64" />
        <source>Adam state</source>
        <translation>Adam 状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="65" />
        <source>adam8bit state</source>
        <translation>adam8bit 状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="66" />
        <source>%1 state</source>
        <translation>%1 状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="99" />
        <source>size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="100" />
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="100" />
        <source>target acc</source>
        <translation>目标准确率</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="101" />
        <source>source acc</source>
        <translation>源准确率</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="101" />
        <source>forgetting</source>
        <translation>遗忘</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="102" />
        <source>target loss</source>
        <translation>目标损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="115" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_tables.cpp" line="115" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_run_plot.cpp" line="48" />
        <source>Click a point above to see that run's curves.</source>
        <translation>点击上方的一个点可查看该运行的曲线。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_run_plot.cpp" line="102" />
        <source>%1 · lr %2 · %3 images%4</source>
        <translation>%1 · lr %2 · %3 张图像%4</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_run_plot.cpp" line="105" />
        <source> · diverged</source>
        <translation> · 已发散</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_run_plot.cpp" line="107" />
        <source>No curves for this run.</source>
        <translation>此运行没有曲线。</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_outcome.cpp" line="85" />
        <source>%1 · lr %2 · %3 images</source>
        <translation>%1 · lr %2 · %3 张图像</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_outcome.cpp" line="89" />
        <source>
diverged — the steps overshoot</source>
        <translation>
已发散 — 步长过冲</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_outcome.cpp" line="91" />
        <source>
target accuracy %1 (pre-trained %2)</source>
        <translation>
目标任务准确率 %1（预训练 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_outcome.cpp" line="93" />
        <source>
source accuracy %1 (pre-trained %2): %3 points forgotten</source>
        <translation>
源任务准确率 %1（预训练 %2）：遗忘了 %3 个百分点</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_outcome.cpp" line="97" />
        <source>
%1 trainable parameters</source>
        <translation>
%1 个可训练参数</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_outcome.cpp" line="100" />
        <source>
◆ the best rate of %1</source>
        <translation>
◆ %1 的最佳学习率</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_outcome.cpp" line="101" />
        <source>
click to see its loss curves</source>
        <translation>
点击以查看其损失曲线</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="167" />
        <source>%1 training images</source>
        <translation>%1 张训练图像</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="169" />
        <source>%1: best lr %2</source>
        <translation>%1：最佳 lr %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/finetune_curves.cpp" line="172" />
        <source>click to show this size above</source>
        <translation>点击以在上方显示该大小</translation>
    </message>
</context>
<context>
    <name>lrlab::HelpMenu</name>
    <message>
        <location filename="../../ui/shell/help_menu.cpp" line="30" />
        <source>lrlab &amp;Help</source>
        <translation>lrlab 帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help_menu.cpp" line="34" />
        <source>&amp;Start page</source>
        <translation>开始页面(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help_menu.cpp" line="51" />
        <source>lrlab Help</source>
        <translation>lrlab 帮助</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help_menu.cpp" line="52" />
        <source>&lt;p&gt;&lt;b&gt;Learning Rate Lab&lt;/b&gt; shows how the learning rate, warmup, decay and the optimizer shape a training run. Change any control on the right: the run is recomputed at once. Rest the mouse on a control to read what it does and what too much or too little of it does.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Keyboard&lt;/b&gt;&lt;br&gt;Tab / Shift+Tab: next / previous control&lt;br&gt;Ctrl+P: pin the current run &amp;nbsp; Ctrl+T: LR trio &amp;nbsp; Ctrl+F: LR finder&lt;br&gt;Ctrl+Space: play / pause &amp;nbsp; Ctrl+R: default lesson&lt;br&gt;Ctrl++ / Ctrl+− / Ctrl+0: larger / smaller / normal text&lt;br&gt;F11: full screen &amp;nbsp; F1: this help &amp;nbsp; Ctrl+Q: quit&lt;/p&gt;&lt;p&gt;Help ▸ Start page lists the ready lessons.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;学习率实验室&lt;/b&gt;展示学习率、预热、衰减和优化器如何塑造一次训练。修改右侧的任意控件：运行会立即重新计算。将鼠标停留在控件上，即可了解它的作用，以及它过大或过小时会发生什么。&lt;/p&gt;&lt;p&gt;&lt;b&gt;键盘&lt;/b&gt;&lt;br&gt;Tab / Shift+Tab：下一个 / 上一个控件&lt;br&gt;Ctrl+P：固定当前运行 &amp;nbsp; Ctrl+T：学习率三档对比 &amp;nbsp; Ctrl+F：学习率范围测试&lt;br&gt;Ctrl+Space：播放 / 暂停 &amp;nbsp; Ctrl+R：默认课程&lt;br&gt;Ctrl++ / Ctrl+− / Ctrl+0：增大 / 减小 / 正常文字&lt;br&gt;F11：全屏 &amp;nbsp; F1：本帮助 &amp;nbsp; Ctrl+Q：退出&lt;/p&gt;&lt;p&gt;帮助 ▸ 开始页面列出了现成的课程。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/shell/help_menu.cpp" line="77" />
        <source>Start page — lrlab</source>
        <translation>开始页面 — lrlab</translation>
    </message>
</context>
<context>
    <name>lrlab::JobStrip</name>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="33" />
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="35" />
        <source>Cance&amp;l</source>
        <translation>取消(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="37" />
        <source>Stop now (Esc).</source>
        <translation>立即停止（Esc）。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="47" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="48" />
        <source>How much of the job is done (moving while it prepares and cannot count yet).</source>
        <translation>任务完成了多少（准备阶段尚无法计数时显示为滚动条）。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="56" />
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="57" />
        <source>Time since the job started and an estimate of what is left (from the average time per finished unit).</source>
        <translation>任务已用时间和剩余时间估计（按每个已完成单元的平均用时推算）。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="62" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="154" />
        <source>started…</source>
        <translation>已开始…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="180" />
        <source>%1 s elapsed</source>
        <translation>已用 %1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="187" />
        <source> · about %1 s left</source>
        <translation> · 约剩 %1 秒</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="208" />
        <source>%1 in %2 s</source>
        <translation>%1，用时 %2 秒</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="209" />
        <source>Done.</source>
        <translation>完成。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="218" />
        <source>cancelled after %1 s</source>
        <translation>%1 秒后已取消</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="220" />
        <source>Cancelled after %1.</source>
        <translation>已在 %1 后取消。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="220" />
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/job_strip.cpp" line="229" />
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>lrlab::Landscape3DController</name>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="91" />
        <source>Landscape</source>
        <translation>损失地形</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="100" />
        <source>2-D map</source>
        <translation>二维地图</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="100" />
        <source>The landscape as a colour map from above</source>
        <translation>从上方看的彩色损失地形图</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="101" />
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="102" />
        <source>3-D</source>
        <translation>三维</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="103" />
        <source>The landscape as a 3-D surface with every run rolling down it</source>
        <translation>以三维曲面显示损失地形，每个运行都沿着它滚下山</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="104" />
        <source>Ctrl+2</source>
        <translation>Ctrl+2</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="105" />
        <source>2-D + 3-D</source>
        <translation>二维 + 三维</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="105" />
        <source>The map and the 3-D surface side by side</source>
        <translation>二维地图与三维曲面并排显示</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="106" />
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="129" />
        <source>¾ view</source>
        <translation>斜视图</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="129" />
        <source>Camera: from the side and above</source>
        <translation>相机：从侧上方观看</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="130" />
        <source>Alt+1</source>
        <translation>Alt+1</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="131" />
        <source>From above</source>
        <translation>俯视</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="131" />
        <source>Camera: straight down, like the map</source>
        <translation>相机：垂直向下，与二维地图相同</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="132" />
        <source>Alt+2</source>
        <translation>Alt+2</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="133" />
        <source>Along the path</source>
        <translation>沿路径</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="134" />
        <source>Camera: low, looking along the current run's way down</source>
        <translation>相机：低角度，沿当前运行下山的方向观看</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="134" />
        <source>Alt+3</source>
        <translation>Alt+3</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="149" />
        <source>Follow the ball</source>
        <translation>跟随小球</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="151" />
        <source>Alt+F</source>
        <translation>Alt+F</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="152" />
        <source>During playback the camera follows the current run's ball (%1)</source>
        <translation>回放时相机跟随当前运行的小球（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="156" />
        <source>Log height</source>
        <translation>对数高度</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="159" />
        <source>Height as log₁₀(loss − min + ε), as the map's colours; off: the loss itself</source>
        <translation>高度为 log₁₀(损失 − 最小值 + ε)，与地图的颜色一致；关闭时为损失本身</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/landscape_3d_controller.cpp" line="178" />
        <source>&amp;Landscape</source>
        <translation>损失地形(&amp;L)</translation>
    </message>
</context>
<context>
    <name>lrlab::LandscapeView</name>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="60" />
        <source>start</source>
        <translation>起点</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="65" />
        <source>global minimum</source>
        <translation>全局最小值</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="150" />
        <source>log₁₀(f − f* + ε)</source>
        <translation>log₁₀(f − f* + ε)</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="176" />
        <source>log₁₀(loss − min + ε)</source>
        <translation>log₁₀(损失 − 最小值 + ε)</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="189" />
        <source>Loss over (w, b): %1</source>
        <translation>(w, b) 上的损失：%1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="190" />
        <source>Loss landscape (PCA plane of the trajectory)</source>
        <translation>损失地形（轨迹的 PCA 平面）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="194" />
        <source>The (w, b) path grows here;
the loss surface follows the run.</source>
        <translation>(w, b) 路径在此处延伸；
损失曲面随运行而更新。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="195" />
        <source>The landscape is computed after the run:
the plane of the trajectory's two main directions.</source>
        <translation>损失地形在运行结束后计算：
即由轨迹两个主方向张成的平面。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="251" />
        <source>PC%1</source>
        <translation>PC%1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="252" />
        <source>PC%1 (%2 % of variance)</source>
        <translation>PC%1（解释 %2 % 的方差）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="257" />
        <source>random direction %1 (filter-normalized)</source>
        <translation>随机方向 %1（按滤波器归一化）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="268" />
        <source>loss on %1 of %2 training rows</source>
        <translation>损失取自 %2 个训练样本中的 %1 个</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="272" />
        <source>%1; checking against the full split…</source>
        <translation>%1；正在与完整训练集核对…</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="273" />
        <source>%1; max |Δ| %2 vs the full split at %3×%3 check points</source>
        <translation>%1；在 %3×%3 个检查点上与完整训练集相比最大 |Δ| 为 %2</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="315" />
        <source>Loss over (w, b): %1 on %2, feature %3</source>
        <translation>(w, b) 上的损失：%1，数据集 %2，特征 %3</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="322" />
        <source>Loss landscape: PCA plane of the trajectory (%1 × %1)</source>
        <translation>损失地形：轨迹的 PCA 平面（%1 × %1）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/landscape_view.cpp" line="355" />
        <source>diverged at step %1</source>
        <translation>在第 %1 步发散</translation>
    </message>
</context>
<context>
    <name>lrlab::LanguageMenu</name>
    <message>
        <location filename="../../ui/shell/language_menu.cpp" line="17" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
</context>
<context>
    <name>lrlab::LearningRateControl</name>
    <message>
        <location filename="../../ui/controls/learning_rate_control.cpp" line="147" />
        <source>Divide the learning rate by 10.</source>
        <translation>将学习率除以 10。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/learning_rate_control.cpp" line="151" />
        <source>Multiply the learning rate by 10.</source>
        <translation>将学习率乘以 10。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/learning_rate_control.cpp" line="261" />
        <source>lr = %1 × SGD's limit (reference)</source>
        <translation>lr = %1 × SGD 的上限（参考）</translation>
    </message>
    <message>
        <location filename="../../ui/controls/learning_rate_control.cpp" line="262" />
        <source>SGD's stable limit 2/λ₁, shown for reference: an adaptive optimizer rescales its steps, so its effective step differs and this limit does not apply to it.</source>
        <translation>SGD 的稳定上限 2/λ₁，仅供参考：自适应优化器会重新缩放其步长，因此它的有效步长不同，这个上限对它不适用。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/learning_rate_control.cpp" line="269" />
        <source>lr = %1 × limit</source>
        <translation>lr = %1 × 稳定上限</translation>
    </message>
</context>
<context>
    <name>lrlab::LessonController</name>
    <message>
        <location filename="../../ui/lessons/lesson_controller.cpp" line="57" />
        <source>Some lessons could not be read: %1</source>
        <translation>部分课程无法读取：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_controller.cpp" line="86" />
        <source>Close the lesson text.</source>
        <translation>关闭课程说明。</translation>
    </message>
    <message>
        <location filename="../../ui/lessons/lesson_controller.cpp" line="215" />
        <source>The lesson could not be opened: %1</source>
        <translation>无法打开该课程：%1</translation>
    </message>
</context>
<context>
    <name>lrlab::LogWatch</name>
    <message>
        <location filename="../../ui/worker/log_watch.cpp" line="214" />
        <source>%1: cannot restore this run of the session: the file or folder does not exist (moved or deleted?)</source>
        <translation>%1：无法恢复会话中的这条运行：文件或文件夹不存在（已移动或删除？）</translation>
    </message>
    <message>
        <location filename="../../ui/worker/log_watch.cpp" line="223" />
        <source>no training log there</source>
        <translation>那里没有训练日志</translation>
    </message>
    <message>
        <location filename="../../ui/worker/log_watch.cpp" line="226" />
        <source>%1: cannot restore this run of the session: %2</source>
        <translation>%1：无法恢复会话中的这条运行：%2</translation>
    </message>
</context>
<context>
    <name>lrlab::LrFinderView</name>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="93" />
        <source>Range test</source>
        <translation>范围测试</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="100" />
        <source>The first learning rate of the test.</source>
        <translation>测试的起始学习率。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="106" />
        <source>The last learning rate; the test stops earlier when the smoothed loss exceeds 5× its minimum.</source>
        <translation>测试的最终学习率；当平滑损失超过其最小值的 5× 时，测试会提前停止。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="113" />
        <source>Minibatches (or toy steps), one learning rate each, exponentially spaced from start to end.</source>
        <translation>小批量数（或玩具曲面上的步数），每个使用一个学习率，学习率从起始值到终止值按指数间隔递增。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="119" />
        <source>Train from the start point with a learning rate that grows every step, and record the loss (Smith, 2017).</source>
        <translation>从起点开始训练，学习率每一步都增大，并记录损失（Smith, 2017）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="124" />
        <source>Suggestions</source>
        <translation>建议值</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="127" />
        <source>pytorch-lr-finder: the steepest descent of the smoothed loss (per iteration).</source>
        <translation>pytorch-lr-finder：平滑损失下降最陡之处（按迭代计）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="128" />
        <source>fastai valley: the middle of the longest stretch where the loss keeps falling — usually the safest choice.</source>
        <translation>fastai valley：损失持续下降的最长区间的中点——通常是最稳妥的选择。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="130" />
        <source>fastai minimum: the LR of the lowest smoothed loss, divided by 10.</source>
        <translation>fastai minimum：平滑损失最低处的学习率除以 10。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="131" />
        <source>fastai steep: the steepest descent of the loss against log(lr).</source>
        <translation>fastai steep：损失相对于 log(lr) 下降最陡之处。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="136" />
        <source>Click to use this learning rate for the run.</source>
        <translation>点击以在本次运行中使用此学习率。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="157" />
        <source>learning rate (log scale)</source>
        <translation>学习率（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="158" />
        <location filename="../../ui/views/lr_finder_view.cpp" line="160" />
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="163" />
        <source>smoothed loss</source>
        <translation>平滑损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="81" />
        <source>Run the test to see how the loss responds to growing learning rates.</source>
        <translation>运行测试，观察损失如何随学习率增大而变化。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="101" />
        <source>&amp;Start lr:</source>
        <translation>起始学习率(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="108" />
        <source>&amp;End lr:</source>
        <translation>结束学习率(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="115" />
        <source>&amp;Iterations:</source>
        <translation>迭代次数(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="118" />
        <source>&amp;Run test</source>
        <translation>运行测试(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="121" />
        <source>Cance&amp;l</source>
        <translation>取消(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="121" />
        <source>Stop the test now (Esc).</source>
        <translation>立即停止测试（Esc）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="209" />
        <source>Settings changed: the test was abandoned. Run it again.</source>
        <translation>设置已更改：测试已中止。请重新运行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="212" />
        <source>Settings changed since this test: run it again for up-to-date suggestions.</source>
        <translation>自本次测试以来设置已更改：请重新运行以获得最新的建议值。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="289" />
        <source>Testing %1 learning rates from %2 to %3…</source>
        <translation>正在测试从 %2 到 %3 的 %1 个学习率…</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="302" />
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="78" />
        <source>The test failed: %1</source>
        <translation>测试失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="325" />
        <source>Stopped after %1 iterations: the loss blew up at lr %2.</source>
        <translation>在 %1 次迭代后停止：损失在 lr %2 处爆炸。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="328" />
        <source>Done: %1 iterations.</source>
        <translation>完成：%1 次迭代。</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="384" />
        <source>Use %1: %2</source>
        <translation>使用 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="386" />
        <source>Use %1: —</source>
        <translation>使用 %1：—</translation>
    </message>
</context>
<context>
    <name>lrlab::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="63" />
        <source>lrlab — Learning Rate Lab</source>
        <translation>lrlab — 学习率实验室</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="272" />
        <source>No landscape: %1</source>
        <translation>无损失地形：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="398" />
        <source>LR &amp;trio ×0.1 / ×1 / ×10</source>
        <translation>学习率三档对比 ×0.1 / ×1 / ×10(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="221" />
        <source>Not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="365" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="374" />
        <source>&amp;Open dataset CSV…</source>
        <translation>打开数据集 CSV(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="385" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="388" />
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="394" />
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="395" />
        <source>&amp;Pin current run</source>
        <translation>固定当前运行(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="396" />
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="397" />
        <source>&amp;Clear pins</source>
        <translation>清除固定(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="399" />
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="401" />
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="402" />
        <source>Ctrl+Space</source>
        <translation>Ctrl+Space</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="403" />
        <source>Run the LR &amp;finder</source>
        <translation>运行学习率范围测试(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="407" />
        <source>Ctrl+F</source>
        <translation>Ctrl+F</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="409" />
        <source>&amp;Lesson</source>
        <translation>课程(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="411" />
        <source>&amp;Default lesson</source>
        <translation>默认课程(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="412" />
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="415" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="427" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="430" />
        <source>&amp;About lrlab</source>
        <translation>关于 lrlab(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="431" />
        <source>About lrlab</source>
        <translation>关于 lrlab</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="432" />
        <source>&lt;b&gt;lrlab %1&lt;/b&gt; — Learning Rate Lab&lt;br&gt;How learning rate, warmup, decay and optimizer shape a training run, on toy loss surfaces and real models.</source>
        <translation>&lt;b&gt;lrlab %1&lt;/b&gt; — 学习率实验室&lt;br&gt;在玩具损失曲面和真实模型上，展示学习率、预热、衰减和优化器如何塑造一次训练。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="332" />
        <source>Running the trio ×0.1 / ×1 / ×10…</source>
        <translation>正在运行三档对比 ×0.1 / ×1 / ×10…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="113" />
        <source>The trio failed: %1</source>
        <translation>三档对比运行失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="107" />
        <source>Trio pinned: lr ×0.1, ×1, ×10.</source>
        <translation>三档对比已固定：lr ×0.1、×1、×10。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="370" />
        <source>Session and export</source>
        <translation>会话与导出</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="377" />
        <source>&amp;Import runs…</source>
        <translation>导入运行(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="379" />
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="380" />
        <source>Read training logs (TensorBoard, Hugging Face trainer_state.json, CSV) into the Runs dock.</source>
        <translation>将训练日志（TensorBoard、Hugging Face trainer_state.json、CSV）读入“运行记录”停靠窗口。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="382" />
        <source>Import run f&amp;older…</source>
        <translation>导入运行文件夹(&amp;O)…</translation>
    </message>
</context>
<context>
    <name>lrlab::MessageBar</name>
    <message>
        <location filename="../../ui/widgets/message_bar.cpp" line="27" />
        <location filename="../../ui/widgets/message_bar.cpp" line="28" />
        <source>Hide this message.</source>
        <translation>隐藏此消息。</translation>
    </message>
</context>
<context>
    <name>lrlab::OptimizerControls</name>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="20" />
        <source>Optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="27" />
        <source>The update rule. SGD steps along the negative gradient (with momentum: a heavy ball). RMSprop, Adagrad, Adam and AdamW divide by a running gradient size, so the LR becomes a step length rather than a multiple of the gradient. Lion steps by the sign of its momentum.</source>
        <translation>更新规则。SGD 沿负梯度方向前进（带动量时：像一个重球）。RMSprop、Adagrad、Adam 和 AdamW 会除以梯度大小的滑动估计，因此学习率变成了步长，而不是梯度的倍数。Lion 按其动量的符号前进。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="31" />
        <source>&amp;Optimizer:</source>
        <translation>优化器(&amp;O)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="34" />
        <source>Heavy-ball coefficient β: each step adds β × the previous step. More β speeds travel along a valley but overshoots and oscillates; the stable LR grows to 2(1+β)/λ₁. 0 = plain gradient descent.</source>
        <translation>重球系数 β：每一步都会加上 β × 上一步。β 越大，沿山谷前进越快，但会越过目标并产生振荡；稳定的学习率上限增大到 2(1+β)/λ₁。0 = 普通梯度下降。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="38" />
        <source>&amp;Momentum β:</source>
        <translation>动量 β(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="39" />
        <source>Nes&amp;terov</source>
        <translation>Nesterov 动量(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="41" />
        <source>Look-ahead momentum: the gradient correction is applied after the momentum step, which damps heavy-ball oscillation. Needs momentum &gt; 0.</source>
        <translation>前瞻式动量：在动量步之后再施加梯度修正，从而抑制重球式振荡。需要动量 &gt; 0。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="46" />
        <source>RMSprop: decay of the running mean of squared gradients. Near 1 = long memory and smooth step sizes; smaller = reacts fast but noisily.</source>
        <translation>RMSprop：梯度平方滑动平均的衰减系数。接近 1 = 记忆长、步长平滑；更小 = 反应快但噪声大。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="49" />
        <source>&amp;Alpha:</source>
        <translation>Alpha(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="55" />
        <source>Added to the denominator to avoid division by zero. A large eps makes the method behave like plain SGD where gradients are small.</source>
        <translation>加到分母上以避免除以零。eps 较大时，在梯度较小之处该方法的行为会接近普通 SGD。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="57" />
        <source>&amp;Eps:</source>
        <translation>Eps(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="59" />
        <source>Decay of the first moment (the momentum) of Adam and Lion. Higher = smoother direction, more inertia and overshoot.</source>
        <translation>Adam 和 Lion 一阶矩（即动量）的衰减系数。越高 = 方向越平滑，惯性和过冲也越大。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="61" />
        <source>Beta&amp;1:</source>
        <translation>Beta1(&amp;1)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="63" />
        <source>Decay of the second moment (squared gradients; for Lion: of the momentum). Near 1 = stable step sizes; lower = adapts faster, noisier.</source>
        <translation>二阶矩（梯度平方；对 Lion 而言是动量）的衰减系数。接近 1 = 步长稳定；更低 = 适应更快，但噪声更大。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="66" />
        <source>Beta&amp;2:</source>
        <translation>Beta2(&amp;2)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="68" />
        <source>Pulls the parameters towards 0 every step (AdamW and Lion: decoupled, θ ← θ(1 − lr·wd)). Too much moves the end point away from the true minimum.</source>
        <translation>每一步都将参数拉向 0（AdamW 和 Lion：解耦式，θ ← θ(1 − lr·wd)）。过大会使终点偏离真正的最小值。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="71" />
        <source>&amp;Weight decay:</source>
        <translation>权重衰减(&amp;W)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="73" />
        <source>Adam 8-bit: values per quantization block; each block shares one scale, so smaller blocks quantize more finely.</source>
        <translation>Adam 8-bit：每个量化块中的数值个数；每个块共享一个缩放因子，因此块越小，量化越精细。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/optimizer_controls.cpp" line="75" />
        <source>&amp;Block size:</source>
        <translation>块大小(&amp;B)：</translation>
    </message>
</context>
<context>
    <name>lrlab::PinnedRuns</name>
    <message>
        <location filename="../../ui/compare/pinned_runs.cpp" line="228" />
        <source>run %1</source>
        <translation>运行 %1</translation>
    </message>
    <message>
        <location filename="../../ui/compare/pinned_runs.cpp" line="238" />
        <source>current</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../ui/compare/pinned_runs.cpp" line="238" />
        <source>current: %1</source>
        <translation>当前：%1</translation>
    </message>
</context>
<context>
    <name>lrlab::PlaybackBar</name>
    <message>
        <location filename="../../ui/widgets/playback_bar.cpp" line="82" />
        <source>One step back (Left)</source>
        <translation>后退一步（左方向键）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/playback_bar.cpp" line="88" />
        <source>One step forward (Right)</source>
        <translation>前进一步（右方向键）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/playback_bar.cpp" line="95" />
        <source>Playback speed: 1× is %1 steps a second</source>
        <translation>回放速度：1× 为每秒 %1 步</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/playback_bar.cpp" line="100" />
        <source>Drag to move every shown run to a step</source>
        <translation>拖动以将所有显示的运行移到某一步</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/playback_bar.cpp" line="103" />
        <source>The step shown on every plot / the last step</source>
        <translation>每个图上显示的步 / 最后一步</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/playback_bar.cpp" line="106" />
        <location filename="../../ui/widgets/playback_bar.cpp" line="296" />
        <source>step %1 / %2</source>
        <translation>第 %1 / %2 步</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/playback_bar.cpp" line="305" />
        <source>Pause (Space)</source>
        <translation>暂停（空格）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/playback_bar.cpp" line="305" />
        <source>Play every shown run in step (Space)</source>
        <translation>同步播放所有显示的运行（空格）</translation>
    </message>
</context>
<context>
    <name>lrlab::PlotInteraction</name>
    <message>
        <location filename="../../ui/plots/plot_interaction.cpp" line="95" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_interaction.cpp" line="96" />
        <source>Show the middle of the plot larger. The wheel zooms at the pointer.</source>
        <translation>放大图的中间部分。滚轮以指针所在处为中心缩放。</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_interaction.cpp" line="97" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_interaction.cpp" line="98" />
        <source>Show more around the middle of the plot.</source>
        <translation>显示图中间部分周围更多的范围。</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_interaction.cpp" line="99" />
        <source>Reset view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_interaction.cpp" line="100" />
        <source>Back to the automatic ranges: the whole run, rescaled as new data arrives. A zoom stays until you reset it.</source>
        <translation>回到自动范围：显示整个运行，新数据到来时自动调整。缩放会一直保留，直到你重置视图。</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_interaction.cpp" line="102" />
        <source>Log scale</source>
        <translation>对数刻度</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_interaction.cpp" line="103" />
        <source>A log₁₀ vertical axis shows values over many decades (a loss falling to 1e-8); a linear one shows jumps and small differences near one value.</source>
        <translation>log₁₀ 纵轴能显示跨越许多数量级的数值（例如降到 1e-8 的损失）；线性纵轴能显示跳变和某个数值附近的微小差别。</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_interaction.cpp" line="126" />
        <source>Wheel: zoom at the pointer.</source>
        <translation>滚轮：以指针所在处为中心缩放。</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_interaction.cpp" line="127" />
        <source>Wheel: zoom the horizontal axis at the pointer; Ctrl+wheel: the vertical axis.</source>
        <translation>滚轮：以指针所在处为中心缩放横轴；Ctrl+滚轮：缩放纵轴。</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_interaction.cpp" line="130" />
        <source>Drag: zoom to a box.</source>
        <translation>拖动：缩放到所框选的区域。</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_interaction.cpp" line="130" />
        <source>Shift+drag: zoom to a box.</source>
        <translation>Shift+拖动：缩放到所框选的区域。</translation>
    </message>
    <message>
        <location filename="../../ui/plots/plot_interaction.cpp" line="131" />
        <source>Double-click or R: reset the view. Right-click for the menu.</source>
        <translation>双击或按 R：重置视图。右键单击打开菜单。</translation>
    </message>
</context>
<context>
    <name>lrlab::ProblemControls</name>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="51" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="58" />
        <source>problem.dataset: %1</source>
        <translation>problem.dataset：%1</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="77" />
        <source>What to minimise. Toy surfaces f(x, y): Rosenbrock's curved valley, the quadratic bowl where 2/λ₁ is exact, many-minima Rastrigin and Ackley, a saddle. Real models trained on a dataset with minibatches: linear and logistic regression (two parameters: an exact surface), softmax regression and an MLP.</source>
        <translation>要最小化的目标。玩具曲面 f(x, y)：Rosenbrock 的弯曲山谷、2/λ₁ 恰好精确成立的二次碗形曲面、有众多极小值的 Rastrigin 和 Ackley，以及一个鞍点。在数据集上用小批量训练的真实模型：线性回归和逻辑回归（两个参数：曲面是精确的）、softmax 回归和 MLP。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="81" />
        <source>&amp;Problem:</source>
        <translation>问题(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="83" />
        <source>Where the optimizer starts (%1). Click or drag on the map to move it. The stable limit is computed from the curvature here.</source>
        <translation>优化器的起点（%1）。在地图上点击或拖动可移动它。稳定上限由此处的曲率计算。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="87" />
        <source>Default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="89" />
        <source>Back to the surface's default start point.</source>
        <translation>回到该曲面的默认起点。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="96" />
        <source>S&amp;tart x, y:</source>
        <translation>起点 x, y(&amp;T)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="100" />
        <source>Standard deviation σ of Gaussian noise added to every gradient, like minibatch noise. With noise the path jitters and only a smaller or decaying learning rate settles near the minimum; 0 = exact gradients.</source>
        <translation>加到每个梯度上的高斯噪声的标准差 σ，类似小批量噪声。有噪声时路径会抖动，只有更小或逐渐衰减的学习率才能稳定在最小值附近；0 = 精确梯度。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="104" />
        <source>Gradient &amp;noise σ:</source>
        <translation>梯度噪声 σ(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="113" />
        <source>Open CSV…</source>
        <translation>打开 CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="114" />
        <source>The data the model is trained on. Any CSV with feature columns and a last column named label (classes) or target (regression) can be opened.</source>
        <translation>用于训练模型的数据。可以打开任何包含特征列、且最后一列名为 label（类别）或 target（回归）的 CSV 文件。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="117" />
        <source>&amp;Dataset:</source>
        <translation>数据集(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="120" />
        <source>The one input feature of linear or logistic regression: the model has two parameters, slope w and intercept b, so its loss is an exact surface over (w, b).</source>
        <translation>线性回归或逻辑回归的唯一输入特征：模型只有两个参数——斜率 w 和截距 b，因此其损失是 (w, b) 上的精确曲面。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="123" />
        <source>&amp;Feature:</source>
        <translation>特征(&amp;F)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="126" />
        <source>Widths of the hidden layers, e.g. "64, 32".</source>
        <translation>各隐藏层的宽度，例如 "64, 32"。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="127" />
        <source>&amp;Hidden sizes:</source>
        <translation>隐藏层大小(&amp;H)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="132" />
        <source>Nonlinearity of the hidden layers.</source>
        <translation>隐藏层的非线性函数。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="133" />
        <source>&amp;Activation:</source>
        <translation>激活函数(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="136" />
        <source>Rows per minibatch. Smaller batches = noisier gradients, which usually call for a smaller learning rate.</source>
        <translation>每个小批量的行数。批量越小 = 梯度噪声越大，通常需要更小的学习率。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="138" />
        <source>&amp;Batch size:</source>
        <translation>批量大小(&amp;B)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="140" />
        <source>Fraction of the rows held out for validation (loss and accuracy on data the model does not train on).</source>
        <translation>留作验证的行所占比例（在模型不参与训练的数据上计算损失和准确率）。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="142" />
        <source>&amp;Validation fraction:</source>
        <translation>验证比例(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="144" />
        <source>Steps between evaluations of the validation loss and accuracy (and the full training loss).</source>
        <translation>两次评估验证损失和准确率（以及完整训练损失）之间间隔的步数。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="146" />
        <source>&amp;Evaluate every:</source>
        <translation>评估间隔(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="151" />
        <source>Seed of every random choice (gradient noise; model initialization, split and minibatches): the same seed gives the same run.</source>
        <translation>所有随机选择（梯度噪声；模型初始化、数据划分和小批量）的随机种子：相同的随机种子得到相同的运行结果。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="153" />
        <source>Seed:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="293" />
        <source>problem.hidden: give at least one layer width, e.g. "64, 32"</source>
        <translation>problem.hidden：至少给出一层的宽度，例如 "64, 32"</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="305" />
        <source>seed: must be a whole number from 0 to %1</source>
        <translation>seed：必须是 0 到 %1 之间的整数</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="324" />
        <source>Open a dataset CSV</source>
        <translation>打开数据集 CSV</translation>
    </message>
    <message>
        <location filename="../../ui/controls/problem_controls.cpp" line="325" />
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV 文件 (*.csv);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>lrlab::RecentSessions</name>
    <message>
        <location filename="../../ui/session/recent_sessions.cpp" line="86" />
        <source>&amp;Clear the list</source>
        <translation>清除列表(&amp;C)</translation>
    </message>
</context>
<context>
    <name>lrlab::RunController</name>
    <message>
        <location filename="../../ui/explorer/run_controller.cpp" line="110" />
        <source>Diverged at step %1 — steps run: %2 — last finite loss: %3</source>
        <translation>在第 %1 步发散 — 已运行步数：%2 — 最后的有限损失：%3</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/run_controller.cpp" line="117" />
        <source>Converged</source>
        <translation>已收敛</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/run_controller.cpp" line="117" />
        <source>Finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/run_controller.cpp" line="119" />
        <source>%1 — steps run: %2 — final loss: %3 (f − f* = %4)</source>
        <translation>%1 — 已运行步数：%2 — 最终损失：%3（f − f* = %4）</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/run_controller.cpp" line="170" />
        <source>Training… step %1 of %2</source>
        <translation>训练中… 第 %1 / %2 步</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/run_controller.cpp" line="227" />
        <source>Diverged at step %1 — last finite loss: %2</source>
        <translation>在第 %1 步发散 — 最后的有限损失：%2</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/run_controller.cpp" line="233" />
        <source>Finished — %1 steps — %2 parameters</source>
        <translation>已完成 — %1 步 — %2 个参数</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/run_controller.cpp" line="235" />
        <source> — train loss %1</source>
        <translation> — 训练损失 %1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/run_controller.cpp" line="237" />
        <source> — val loss %1</source>
        <translation> — 验证损失 %1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/run_controller.cpp" line="239" />
        <source> — val acc %1 %</source>
        <translation> — 验证准确率 %1 %</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/run_controller.cpp" line="247" />
        <source>Batch size %1 is larger than the %2 training rows: every step uses all of them (full-batch gradient descent).</source>
        <translation>批大小 %1 大于训练集的 %2 行：每一步都使用全部训练行（全批量梯度下降）。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/run_controller.cpp" line="275" />
        <source>Run failed</source>
        <translation>运行失败</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/run_controller.cpp" line="283" />
        <source>The run failed: %1</source>
        <translation>运行失败：%1</translation>
    </message>
</context>
<context>
    <name>lrlab::RunSeriesEditor</name>
    <message>
        <location filename="../../ui/views/runs_series_editor.cpp" line="20" />
        <source>Series of the selected run</source>
        <translation>所选运行的序列</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_series_editor.cpp" line="23" />
        <source>Which logged tag plays each part in lrlab's analysis. Automatic takes the tag with a common name (loss, eval/loss, learning_rate, val_acc, …); choose another when your log names them differently.</source>
        <translation>lrlab 的分析中每个角色使用哪个记录的标签。“自动”选取常见名称的标签（loss、eval/loss、learning_rate、val_acc 等）；日志用了别的名称时请另行选择。</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_series_editor.cpp" line="34" />
        <source>Tra&amp;ining loss:</source>
        <translation>训练损失(&amp;I)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_series_editor.cpp" line="35" />
        <source>The training loss: drawn on the Loss plot, and read by the diagnosis (diverging, too slow, noisy, plateau, …).</source>
        <translation>训练损失：绘制在损失图上，并由诊断读取（发散、过慢、噪声大、停滞等）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_series_editor.cpp" line="37" />
        <source>&amp;Validation loss:</source>
        <translation>验证损失(&amp;V)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_series_editor.cpp" line="38" />
        <source>The validation loss: drawn on its own plot; the diagnosis compares it with the training loss to tell overfitting.</source>
        <translation>验证损失：绘制在单独的图上；诊断将其与训练损失比较以判断过拟合。</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_series_editor.cpp" line="40" />
        <source>Learning &amp;rate:</source>
        <translation>学习率(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_series_editor.cpp" line="41" />
        <source>The learning rate: drawn on the LR plot; lrlab recognises its schedule (warmup, decay, peak), which "Open in the lab" replays.</source>
        <translation>学习率：绘制在学习率图上；lrlab 识别其调度（预热、衰减、峰值），“在实验室中打开”可重放它。</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_series_editor.cpp" line="43" />
        <source>Validation &amp;accuracy:</source>
        <translation>验证准确率(&amp;A)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_series_editor.cpp" line="44" />
        <source>The validation accuracy: not drawn; the diagnosis reads it with the validation loss.</source>
        <translation>验证准确率：不绘制；诊断将其与验证损失一起读取。</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_series_editor.cpp" line="77" />
        <source>Automatic (none found)</source>
        <translation>自动（未找到）</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_series_editor.cpp" line="78" />
        <source>Automatic (%1)</source>
        <translation>自动（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_series_editor.cpp" line="79" />
        <source>None</source>
        <translation>无</translation>
    </message>
</context>
<context>
    <name>lrlab::RunStatusBar</name>
    <message>
        <location filename="../../ui/widgets/run_status_bar.cpp" line="22" />
        <source>A run is in progress in the background.</source>
        <translation>后台正在进行一次运行。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/run_status_bar.cpp" line="28" />
        <source>landscape %p%</source>
        <translation>损失地形 %p%</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/run_status_bar.cpp" line="29" />
        <source>The loss landscape of the run is being computed in the background (coarse grid first, then refined).</source>
        <translation>正在后台计算本次运行的损失地形（先粗网格，再逐步细化）。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/run_status_bar.cpp" line="34" />
        <source>Optimizer steps per second of the last run.</source>
        <translation>上一次运行中优化器每秒执行的步数。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/run_status_bar.cpp" line="37" />
        <source>Time the last run took in the background thread.</source>
        <translation>上一次运行在后台线程中所用的时间。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/run_status_bar.cpp" line="83" />
        <source>%1 steps/s</source>
        <translation>%1 步/秒</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/run_status_bar.cpp" line="93" />
        <source>run %1 ms</source>
        <translation>运行 %1 ms</translation>
    </message>
</context>
<context>
    <name>lrlab::RunsPlots</name>
    <message>
        <location filename="../../ui/views/runs_plots.cpp" line="66" />
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_plots.cpp" line="66" />
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_plots.cpp" line="67" />
        <source>Validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_plots.cpp" line="67" />
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_plots.cpp" line="68" />
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_plots.cpp" line="68" />
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_plots.cpp" line="81" />
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_plots.cpp" line="83" />
        <source>%1 of every shown imported run against its logged step, one colour per run. Long logs are drawn from the smallest and largest value of each pixel column, so a spike stays visible at any zoom.</source>
        <translation>每条显示的导入运行的%1随其记录步数的变化，每条运行一种颜色。长日志按每个像素列的最小值和最大值绘制，因此任何缩放下尖峰都不会消失。</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_plots.cpp" line="153" />
        <source>%1 fit, max error %2</source>
        <translation>%1 拟合，最大误差 %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_plots.cpp" line="170" />
        <source>File ▸ Import runs…, or drop log files or folders on the window</source>
        <translation>文件 ▸ 导入运行…，或将日志文件或文件夹拖到窗口上</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_plots.cpp" line="172" />
        <source>No shown run logs this</source>
        <translation>没有显示的运行记录了此项</translation>
    </message>
</context>
<context>
    <name>lrlab::RunsView</name>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="84" />
        <source>No run found.</source>
        <translation>未找到运行。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/runs_view.cpp" line="84" />
        <source>%n run(s) imported.</source>
        <translation>
            <numerusform>已导入 %n 条运行。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="130" />
        <source>Import &amp;files…</source>
        <translation>导入文件(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="132" />
        <source>Read training logs: TensorBoard event files (events.out.tfevents.*), a Hugging Face trainer_state.json, or a CSV with a step column (Lightning's metrics.csv, a W&amp;B export). You can also drop files on the window.</source>
        <translation>读取训练日志：TensorBoard 事件文件（events.out.tfevents.*）、Hugging Face 的 trainer_state.json，或带 step 列的 CSV（Lightning 的 metrics.csv、W&amp;B 导出）。也可以把文件拖到窗口上。</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="137" />
        <source>Import f&amp;older…</source>
        <translation>导入文件夹(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="139" />
        <source>Read every run in a folder and its subfolders: each folder of event files is one TensorBoard run, a Hugging Face output folder one run.</source>
        <translation>读取文件夹及其子文件夹中的所有运行：每个含事件文件的文件夹是一条 TensorBoard 运行，一个 Hugging Face 输出文件夹是一条运行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="142" />
        <source>Re&amp;move</source>
        <translation>移除(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="144" />
        <source>Remove the selected run from the list (its files stay as they are).</source>
        <translation>从列表中移除选中的运行（其文件保持不变）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="153" />
        <source>The imported runs. The checkbox by a name shows or hides the run on the plots (Space toggles it); Follow reads what the training writes, within a second. Schedule: the schedule of lrlab's family that reproduces the logged learning rate, with its largest relative error. Diagnosis: what the loss curves say, by the same rules as the explorer's runs.</source>
        <translation>导入的运行。名称旁的复选框在图上显示或隐藏该运行（空格键切换）；“跟随”会在一秒内读取训练新写入的内容。调度：lrlab 调度族中能复现所记录学习率的调度，及其最大相对误差。诊断：按与探索器中运行相同的规则，从损失曲线得出的结论。</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="160" />
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="160" />
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="160" />
        <source>Follow</source>
        <translation>跟随</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="160" />
        <source>Points</source>
        <translation>点数</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="160" />
        <source>Schedule</source>
        <translation>调度</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="160" />
        <source>Diagnosis</source>
        <translation>诊断</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="176" />
        <source>Open in the &amp;lab</source>
        <translation>在实验室中打开(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="179" />
        <source>Put the selected run's recognised schedule (warmup, decay and peak learning rate) into the explorer, to replay it on a toy surface or a model and see what it does. Enabled when the run's learning rate fits one of lrlab's schedules.</source>
        <translation>把选中运行识别出的调度（预热、衰减和峰值学习率）放入探索器，在玩具曲面或模型上重放，看看它的效果。当该运行的学习率符合 lrlab 的某个调度时可用。</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="190" />
        <source>&amp;Problems reading the logs:</source>
        <translation>读取日志时的问题(&amp;P)：</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="193" />
        <source>What could not be read, a line each: the file, the record or line, and what is wrong. Everything else was read.</source>
        <translation>无法读取的内容，每行一条：文件、记录或行，以及出了什么问题。其余内容均已读取。</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="212" />
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="219" />
        <source>Import runs</source>
        <translation>导入运行</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="220" />
        <source>Training logs (*tfevents* *.json *.csv);;All files (*)</source>
        <translation>训练日志 (*tfevents* *.json *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="225" />
        <source>Import a folder of runs</source>
        <translation>导入运行文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="317" />
        <source>%1 (error %2)</source>
        <translation>%1（误差 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="322" />
        <location filename="../../ui/views/runs_view.cpp" line="325" />
        <source>none fits</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="329" />
        <source>The log has no learning rate.</source>
        <translation>该日志没有学习率。</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="340" />
        <source>The log has no training loss.</source>
        <translation>该日志没有训练损失。</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="370" />
        <source>Analysing %1 with the chosen series…</source>
        <translation>正在用所选序列分析 %1…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/runs_view.cpp" line="424" />
        <source>Reading the session's %n run(s)…</source>
        <translation>
            <numerusform>正在读取会话的 %n 条运行…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/views/runs_view.cpp" line="461" />
        <source>%1: %n more problem(s)</source>
        <translation>
            <numerusform>%1：另有 %n 个问题</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="502" />
        <source>The schedule of %1 was not applied: %2</source>
        <translation>%1 的调度未被应用：%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/runs_view.cpp" line="503" />
        <source>The explorer replays the schedule of %1 (%2 steps, peak learning rate %3).</source>
        <translation>探索器将重放 %1 的调度（%2 步，峰值学习率 %3）。</translation>
    </message>
</context>
<context>
    <name>lrlab::ScheduleControls</name>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="26" />
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="30" />
        <source>Number of optimizer updates. Decays are stretched over the whole run.</source>
        <translation>优化器的更新次数。衰减会拉伸到整个运行过程。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="32" />
        <source>&amp;Steps:</source>
        <translation>步数(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="34" />
        <source>The LR rises linearly from (start factor × lr) to lr over this many steps. Warmup lets a large LR survive a steep start; too long wastes steps.</source>
        <translation>学习率在这么多步内从（起始因子 × lr）线性上升到 lr。预热让较大的学习率能挺过陡峭的开局；预热过长则会浪费步数。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="37" />
        <source>Wa&amp;rmup steps:</source>
        <translation>预热步数(&amp;R)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="39" />
        <source>Fraction of the LR used at the first warmup step (0 = start from zero).</source>
        <translation>预热第一步所用学习率的比例（0 = 从零开始）。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="41" />
        <source>Warmup start factor:</source>
        <translation>预热起始因子：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="46" />
        <source>How the LR falls after warmup. Decay lets a run take big steps early and settle precisely late; a constant LR keeps bouncing at the scale the LR sets.</source>
        <translation>预热之后学习率如何下降。衰减让运行在前期迈大步、后期精确收敛；恒定学习率则会一直以学习率所决定的幅度来回跳动。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="49" />
        <source>&amp;Decay:</source>
        <translation>衰减(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="51" />
        <source>Factor per decay: exponential multiplies by gamma every epoch, step decay every step_size steps. Smaller = faster decay.</source>
        <translation>每次衰减的因子：指数衰减每一轮乘以 gamma，阶梯衰减每 step_size 步乘一次。越小 = 衰减越快。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="53" />
        <source>Gamma:</source>
        <translation>Gamma：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="55" />
        <source>Step decay: steps between multiplications by gamma (auto = a third of the run).</source>
        <translation>阶梯衰减：两次乘以 gamma 之间的步数（自动 = 运行长度的三分之一）。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="57" />
        <location filename="../../ui/controls/schedule_controls.cpp" line="67" />
        <location filename="../../ui/controls/schedule_controls.cpp" line="79" />
        <source>auto</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="58" />
        <source>Step size:</source>
        <translation>阶梯步长：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="60" />
        <source>Exponential decay applies gamma once per this many steps.</source>
        <translation>指数衰减每隔这么多步应用一次 gamma。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="62" />
        <source>Steps per epoch:</source>
        <translation>每轮步数：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="64" />
        <source>Length of the first cosine cycle (auto = a quarter of the run). At each restart the LR jumps back to its peak, which can kick the path out of a poor basin.</source>
        <translation>第一个余弦周期的长度（自动 = 运行长度的四分之一）。每次重启时学习率跳回峰值，可能把路径踢出一个不好的盆地。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="68" />
        <source>First cycle t0:</source>
        <translation>首个周期 t0：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="70" />
        <source>Each cycle is t_mult times longer than the previous one.</source>
        <translation>每个周期的长度是前一个周期的 t_mult 倍。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="71" />
        <source>Cycle multiplier:</source>
        <translation>周期倍数：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="73" />
        <source>Exponent of polynomial decay: 1 = linear; larger falls fast then flattens; smaller stays high longer.</source>
        <translation>多项式衰减的指数：1 = 线性；更大则先快速下降后趋于平缓；更小则在高位保持更久。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="75" />
        <source>Power:</source>
        <translation>指数：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="77" />
        <source>Inverse square root: lr/√(1 + τ/timescale). Smaller = faster decay (auto = the warmup length, or 10000 without warmup).</source>
        <translation>平方根倒数：lr/√(1 + τ/timescale)。越小 = 衰减越快（自动 = 预热长度；无预热时为 10000）。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="80" />
        <source>Timescale:</source>
        <translation>时间尺度：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="82" />
        <source>One-cycle: fraction of the run spent rising to the peak LR.</source>
        <translation>One-cycle：用于上升到峰值学习率的运行比例。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="83" />
        <source>Rise fraction:</source>
        <translation>上升比例：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="85" />
        <source>One-cycle starts at lr / div_factor.</source>
        <translation>One-cycle 从 lr / div_factor 开始。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="86" />
        <source>Div factor:</source>
        <translation>初始除数：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="88" />
        <source>One-cycle ends at (lr / div_factor) / final_div_factor.</source>
        <translation>One-cycle 结束于 (lr / div_factor) / final_div_factor。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="89" />
        <source>Final div factor:</source>
        <translation>最终除数：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="91" />
        <source>WSD: the LR stays at its peak, then falls to min_lr over this last fraction of the run.</source>
        <translation>WSD：学习率先保持在峰值，然后在运行的最后这一比例内降到 min_lr。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="93" />
        <source>Decay fraction:</source>
        <translation>衰减比例：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="98" />
        <source>WSD: shape of the final cool-down.</source>
        <translation>WSD：最终冷却阶段的曲线形状。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="99" />
        <source>Cool-down shape:</source>
        <translation>冷却形状：</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="104" />
        <source>The floor the decay ends at (at most the peak LR). A small floor keeps the run moving at the end.</source>
        <translation>衰减结束时的下限（不超过峰值学习率）。一个较小的下限可使运行在最后仍保持前进。</translation>
    </message>
    <message>
        <location filename="../../ui/controls/schedule_controls.cpp" line="106" />
        <source>Min lr:</source>
        <translation>最小学习率：</translation>
    </message>
</context>
<context>
    <name>lrlab::SessionController</name>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="82" />
        <source>Some imported runs of the session could not be read again (the rest of the session is open):
%1</source>
        <translation>会话中有些导入的运行无法重新读取（会话的其余部分已打开）：
%1</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="108" />
        <source>Pinned runs</source>
        <translation>已固定的运行</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="109" />
        <source>The pinned runs could not be computed: %1</source>
        <translation>无法计算已固定的运行：%1</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="142" />
        <source>&amp;New session</source>
        <translation>新建会话(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="143" />
        <source>Start again from the default experiment, with no pinned runs.</source>
        <translation>从默认实验重新开始，不保留任何已固定的运行。</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="147" />
        <source>&amp;Open session…</source>
        <translation>打开会话(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="148" />
        <source>Open a saved session: its runs, pinned runs and view.</source>
        <translation>打开已保存的会话：包括其运行、已固定的运行和视图。</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="150" />
        <source>&amp;Save session</source>
        <translation>保存会话(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="151" />
        <source>Save the current run, the pinned runs and the view to the session file (runs are recomputed from their settings when opened).</source>
        <translation>将当前运行、已固定的运行和视图保存到会话文件（打开时会根据各运行的设置重新计算）。</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="155" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="156" />
        <source>Save session &amp;as…</source>
        <translation>会话另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="157" />
        <source>Save the session to a new file.</source>
        <translation>将会话保存到新文件。</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="166" />
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="263" />
        <location filename="../../ui/session/session_controller.cpp" line="424" />
        <location filename="../../ui/session/session_controller.cpp" line="437" />
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="264" />
        <location filename="../../ui/session/session_controller.cpp" line="438" />
        <source>The session could not be opened; nothing was changed.
%1</source>
        <translation>无法打开该会话；未做任何更改。
%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/session/session_controller.cpp" line="283" />
        <source>Computing %n pinned run(s)…</source>
        <translation>
            <numerusform>正在计算 %n 个已固定的运行…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/session/session_controller.cpp" line="294" />
        <source>%n run(s) pinned.</source>
        <translation>
            <numerusform>已固定 %n 个运行。</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="342" />
        <source>Untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="344" />
        <source>lrlab — Learning Rate Lab</source>
        <translation>lrlab — 学习率实验室</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="409" />
        <location filename="../../ui/session/session_controller.cpp" line="459" />
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="411" />
        <source>lrlab sessions (*.lrlab.json *.json)</source>
        <translation>lrlab 会话 (*.lrlab.json *.json)</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="425" />
        <source>lrlab sessions (*.lrlab.json *.json);;All files (*)</source>
        <translation>lrlab 会话 (*.lrlab.json *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="460" />
        <source>The session could not be saved:
%1</source>
        <translation>无法保存该会话：
%1</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="483" />
        <source>Open Recent</source>
        <translation>最近打开</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="484" />
        <source>The session file %1 no longer exists; it was removed from the recent list.</source>
        <translation>会话文件 %1 已不存在；已将其从最近列表中移除。</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="540" />
        <location filename="../../ui/session/session_controller.cpp" line="559" />
        <source>Recover session</source>
        <translation>恢复会话</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="541" />
        <source>Recover the unsaved session from %1?</source>
        <translation>要从 %1 恢复未保存的会话吗？</translation>
    </message>
    <message>
        <location filename="../../ui/session/session_controller.cpp" line="560" />
        <source>The autosaved session could not be read:
%1</source>
        <translation>无法读取自动保存的会话：
%1</translation>
    </message>
</context>
<context>
    <name>lrlab::SessionFigures</name>
    <message>
        <location filename="../../ui/export/session_figures.cpp" line="189" />
        <source>Loss  f − f*  (log scale)</source>
        <translation>损失  f − f*  （对数刻度）</translation>
    </message>
    <message>
        <location filename="../../ui/export/session_figures.cpp" line="189" />
        <source>Loss (log scale)</source>
        <translation>损失（对数刻度）</translation>
    </message>
    <message>
        <location filename="../../ui/export/session_figures.cpp" line="190" />
        <location filename="../../ui/export/session_figures.cpp" line="192" />
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location filename="../../ui/export/session_figures.cpp" line="190" />
        <source>f − f*</source>
        <translation>f − f*</translation>
    </message>
    <message>
        <location filename="../../ui/export/session_figures.cpp" line="190" />
        <source>minibatch loss</source>
        <translation>小批量损失</translation>
    </message>
    <message>
        <location filename="../../ui/export/session_figures.cpp" line="191" />
        <source>Learning-rate schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location filename="../../ui/export/session_figures.cpp" line="192" />
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../ui/export/session_figures.cpp" line="239" />
        <source>No landscape: %1</source>
        <translation>无损失地形：%1</translation>
    </message>
    <message>
        <location filename="../../ui/export/session_figures.cpp" line="258" />
        <source>Loss landscape: %1</source>
        <translation>损失地形：%1</translation>
    </message>
    <message>
        <location filename="../../ui/export/session_figures.cpp" line="266" />
        <source>log₁₀(f − f* + ε)</source>
        <translation>log₁₀(f − f* + ε)</translation>
    </message>
    <message>
        <location filename="../../ui/export/session_figures.cpp" line="287" />
        <source>global minimum</source>
        <translation>全局最小值</translation>
    </message>
    <message>
        <location filename="../../ui/export/session_figures.cpp" line="317" />
        <source>Loss landscape: %1 on %2 (%3 plane)</source>
        <translation>损失地形：%1，数据集 %2（%3 平面）</translation>
    </message>
    <message>
        <location filename="../../ui/export/session_figures.cpp" line="332" />
        <source>log₁₀(training loss − min + ε)</source>
        <translation>log₁₀(训练损失 − 最小值 + ε)</translation>
    </message>
    <message>
        <location filename="../../ui/export/session_figures.cpp" line="400" />
        <source>start</source>
        <translation>起点</translation>
    </message>
</context>
<context>
    <name>lrlab::StabilityMarks</name>
    <message>
        <location filename="../../ui/explorer/stability_marks.cpp" line="45" />
        <source>No curvature: %1</source>
        <translation>无曲率：%1</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/stability_marks.cpp" line="86" />
        <location filename="../../ui/explorer/stability_marks.cpp" line="157" />
        <source> &lt;span style='color:#148c3c'&gt;▲&lt;/span&gt; Best constant rate 2/(λ₁+λₙ) = &lt;b&gt;%1&lt;/b&gt; (λₙ = %2).</source>
        <translation> &lt;span style='color:#148c3c'&gt;▲&lt;/span&gt; 最佳恒定学习率 2/(λ₁+λₙ) = &lt;b&gt;%1&lt;/b&gt;（λₙ = %2）。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/stability_marks.cpp" line="92" />
        <source>λ₁ = %1 at the start: no positive curvature, so the Hessian sets no step-size limit here.</source>
        <translation>起点处 λ₁ = %1：没有正曲率，因此 Hessian 在此处不限制步长。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/stability_marks.cpp" line="96" />
        <source>&lt;span style='color:#c81e1e'&gt;▼&lt;/span&gt; Stable limit 2(1+β)/λ₁ = &lt;b&gt;%1&lt;/b&gt; (λ₁ = %2 at the start, heavy-ball β = %3; plain GD: 2/λ₁ = %4).</source>
        <translation>&lt;span style='color:#c81e1e'&gt;▼&lt;/span&gt; 稳定上限 2(1+β)/λ₁ = &lt;b&gt;%1&lt;/b&gt;（起点处 λ₁ = %2，重球 β = %3；普通梯度下降：2/λ₁ = %4）。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/stability_marks.cpp" line="103" />
        <source>&lt;span style='color:#c81e1e'&gt;▼&lt;/span&gt; Stable limit 2/λ₁ = &lt;b&gt;%1&lt;/b&gt; (λ₁ = %2, the largest curvature at the start).</source>
        <translation>&lt;span style='color:#c81e1e'&gt;▼&lt;/span&gt; 稳定上限 2/λ₁ = &lt;b&gt;%1&lt;/b&gt;（λ₁ = %2，即起点处的最大曲率）。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/stability_marks.cpp" line="108" />
        <source>&lt;span style='color:#787878'&gt;▼&lt;/span&gt; SGD's limit 2/λ₁ = &lt;b&gt;%1&lt;/b&gt; (λ₁ = %2 at the start), a reference: %3 rescales its steps, so its effective step differs.</source>
        <translation>&lt;span style='color:#787878'&gt;▼&lt;/span&gt; SGD 的上限 2/λ₁ = &lt;b&gt;%1&lt;/b&gt;（起点处 λ₁ = %2），仅供参考：%3 会重新缩放其步长，因此它的有效步长不同。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/stability_marks.cpp" line="142" />
        <source>&lt;span style='color:%5'&gt;▼&lt;/span&gt; %1 = &lt;b&gt;%2&lt;/b&gt; (λ₁ = %3 of the full-batch training loss at the initialization%4).</source>
        <translation>&lt;span style='color:%5'&gt;▼&lt;/span&gt; %1 = &lt;b&gt;%2&lt;/b&gt;（初始化处全批量训练损失的 λ₁ = %3%4）。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/stability_marks.cpp" line="151" />
        <source>; a reference: %1 rescales its steps, so its effective step differs</source>
        <translation>；仅供参考：%1 会重新缩放其步长，因此它的有效步长不同</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/stability_marks.cpp" line="124" />
        <source>Computing the curvature at the start (extreme Hessian eigenvalues of the training loss)…</source>
        <translation>正在计算起点处的曲率（训练损失 Hessian 的极端特征值）…</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/stability_marks.cpp" line="139" />
        <source>λ₁ = %1 at the start: no positive curvature, no step-size limit.</source>
        <translation>起点处 λ₁ = %1：没有正曲率，没有步长上限。</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/stability_marks.cpp" line="144" />
        <source>Stable limit 2(1+β)/λ₁</source>
        <translation>稳定上限 2(1+β)/λ₁</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/stability_marks.cpp" line="145" />
        <source>SGD's limit 2/λ₁</source>
        <translation>SGD 的上限 2/λ₁</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/stability_marks.cpp" line="146" />
        <source>Stable limit 2/λ₁</source>
        <translation>稳定上限 2/λ₁</translation>
    </message>
    <message>
        <location filename="../../ui/explorer/stability_marks.cpp" line="163" />
        <source> λₙ = %1 ≤ 0: no best constant rate.</source>
        <translation> λₙ = %1 ≤ 0：不存在最佳恒定学习率。</translation>
    </message>
</context>
<context>
    <name>lrlab::StartPage</name>
    <message>
        <location filename="../../ui/views/start_page.cpp" line="34" />
        <source>&lt;h2&gt;Welcome to Learning Rate Lab&lt;/h2&gt;&lt;p&gt;Pick a ready lesson to show in class, or explore on your own. Every control explains itself in its tooltip; the Help menu lists the keyboard shortcuts.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;欢迎使用学习率实验室&lt;/h2&gt;&lt;p&gt;选择一个现成的课程在课堂上演示，或者自己动手探索。每个控件都会在其工具提示中解释自己的作用；“帮助”菜单列出了键盘快捷键。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/views/start_page.cpp" line="48" />
        <source>The lessons could not be loaded: %1</source>
        <translation>无法加载课程：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/start_page.cpp" line="77" />
        <source>Explore freely</source>
        <translation>自由探索</translation>
    </message>
    <message>
        <location filename="../../ui/views/start_page.cpp" line="78" />
        <source>Close this page and try any surface, model, optimizer and schedule yourself.</source>
        <translation>关闭此页面，自己尝试任意曲面、模型、优化器和学习率调度。</translation>
    </message>
    <message>
        <location filename="../../ui/views/start_page.cpp" line="80" />
        <source>Start from the default experiment. Help ▸ Start page brings this page back.</source>
        <translation>从默认实验开始。通过 帮助 ▸ 开始页面 可再次打开此页面。</translation>
    </message>
</context>
<context>
    <name>lrlab::Surface3DView</name>
    <message>
        <location filename="../../ui/surface3d/surface3d_view.cpp" line="70" />
        <source>3-D is off: LRLAB_NO_OPENGL is set.</source>
        <translation>三维已关闭：设置了 LRLAB_NO_OPENGL。</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/surface3d_view.cpp" line="75" />
        <source>3-D needs OpenGL, which the “%1” display platform does not provide. The 2-D map shows the same landscape.</source>
        <translation>三维需要 OpenGL，而“%1”显示平台不提供 OpenGL。二维地图显示的是同一个损失地形。</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/surface3d_view.cpp" line="84" />
        <source>3-D needs OpenGL, and no OpenGL context could be created on this display. The 2-D map shows the same landscape.</source>
        <translation>三维需要 OpenGL，但无法在此显示器上创建 OpenGL 上下文。二维地图显示的是同一个损失地形。</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/surface3d_view.cpp" line="127" />
        <source>The loss landscape in 3-D. Drag with the right mouse button to rotate, scroll to zoom.</source>
        <translation>三维损失地形。按住鼠标右键拖动可旋转，滚动滚轮可缩放。</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/surface3d_view.cpp" line="158" />
        <source>minimum</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/surface3d_view.cpp" line="215" />
        <source>log₁₀(loss − min + ε)</source>
        <translation>log₁₀(损失 − 最小值 + ε)</translation>
    </message>
    <message>
        <location filename="../../ui/surface3d/surface3d_view.cpp" line="216" />
        <source>loss</source>
        <translation>损失</translation>
    </message>
</context>
<context>
    <name>lrlab::SweepView</name>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="97" />
        <source>The experiment being swept: the explorer's current settings. Only its learning rate (and the crossed setting) change.</source>
        <translation>被扫描的实验：即探索器中的当前设置。只有其学习率（以及交叉的设置）会变化。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="101" />
        <source>Learning rates</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="105" />
        <source>The smallest learning rate of the grid.</source>
        <translation>网格中最小的学习率。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="106" />
        <source>The largest learning rate of the grid. Go far enough right to see the runs diverge: the cliff is what locates the best rate.</source>
        <translation>网格中最大的学习率。要向右走得足够远，直到看到运行发散：正是这道悬崖确定了最佳学习率的位置。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="108" />
        <source>How many rates, evenly spaced on a log scale (13 over four decades is three per decade). Each is one full training run.</source>
        <translation>学习率的个数，在对数刻度上均匀分布（四个数量级上取 13 个，即每个数量级三个）。每个学习率都是一次完整的训练。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="104" />
        <source>&amp;From</source>
        <translation>从(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="43" />
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="44" />
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="45" />
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="46" />
        <source>batch size (models)</source>
        <translation>批大小（模型）</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="47" />
        <source>warmup steps</source>
        <translation>预热步数</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="48" />
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="104" />
        <source>&amp;To</source>
        <translation>到(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="104" />
        <source>&amp;Count</source>
        <translation>个数(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="114" />
        <source>Cross with</source>
        <translation>交叉设置</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="121" />
        <source>Repeat the LR sweep for each value of a second setting: one U-curve per value and a heat map. The best LR depends on the rest: adam wants a far smaller LR than sgd, momentum β multiplies the effective step by 1/(1−β), larger batches tolerate larger rates.</source>
        <translation>对第二个设置的每个取值重复学习率扫描：每个取值一条 U 形曲线，外加一张热力图。最佳学习率取决于其他设置：adam 需要比 sgd 小得多的学习率，动量 β 会把有效步长乘以 1/(1−β)，更大的批量能承受更大的学习率。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="127" />
        <source>The values of the crossed setting, separated by commas.</source>
        <translation>交叉设置的取值，用逗号分隔。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="128" />
        <source>&amp;Setting</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="129" />
        <source>&amp;Values</source>
        <translation>取值(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="134" />
        <source>T&amp;arget loss</source>
        <translation>目标损失(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="142" />
        <source>Report for each run the first step whose loss is at or below this value: it compares how fast the rates get there, not only where they end.</source>
        <translation>为每次运行报告损失首次达到或低于此值的步数：它比较的是各个学习率到达目标的速度，而不仅仅是最终停在哪里。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="151" />
        <source>&amp;Run sweep</source>
        <translation>运行扫描(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="152" />
        <source>Run every rate of the grid (× every value) in parallel on all cores (Ctrl+Return). A sweep already running is abandoned.</source>
        <translation>在所有 CPU 核心上并行运行网格中的每个学习率（× 每个取值）（Ctrl+Return）。已在进行的扫描会被放弃。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="154" />
        <source>Cance&amp;l</source>
        <translation>取消(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="155" />
        <source>Stop the sweep now (Esc). Runs check for it every step.</source>
        <translation>立即停止扫描（Esc）。各运行在每一步都会检查停止请求。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="157" />
        <source>%v / %m runs</source>
        <translation>%v / %m 次运行</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="160" />
        <source>&amp;Export CSV…</source>
        <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="162" />
        <source>Save the sweep table with the columns of `lrlab sweep`.</source>
        <translation>以 `lrlab sweep` 的列格式保存扫描表。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="165" />
        <source>Export sweep table</source>
        <translation>导出扫描表</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="165" />
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="172" />
        <source>&lt;b&gt;Reading the U-curve.&lt;/b&gt; Too small a rate crawls: the run ends high on the left. Too large overshoots: the loss blows up on the right (red ×). The best rate (◆) sits just left of that cliff. Click a point, a cell or a table row to load the run.</source>
        <translation>&lt;b&gt;如何阅读 U 形曲线。&lt;/b&gt;学习率太小，运行缓慢爬行：左侧的运行结束时损失仍然很高。学习率太大则会过冲：右侧的损失爆炸（红色 ×）。最佳学习率（◆）就位于这道悬崖的左边。点击一个点、一个单元格或表格中的一行即可加载该运行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="75" />
        <source>Final loss against learning rate</source>
        <translation>最终损失与学习率的关系</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="76" />
        <location filename="../../ui/views/sweep_plots.cpp" line="102" />
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="76" />
        <location filename="../../ui/views/sweep_plots.cpp" line="248" />
        <location filename="../../ui/views/sweep_plots.cpp" line="338" />
        <location filename="../../ui/views/sweep_plots.cpp" line="444" />
        <source>final loss</source>
        <translation>最终损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="101" />
        <source>Final loss over learning rate × setting</source>
        <translation>最终损失随学习率 × 设置的变化</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="155" />
        <source>One row a run, as `lrlab sweep` writes it. Enter or double-click loads the run.</source>
        <translation>每行一次运行，格式与 `lrlab sweep` 的输出相同。按 Enter 或双击即可加载该运行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="237" />
        <source>&lt;b&gt;Sweeping:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;正在扫描：&lt;/b&gt;%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="302" />
        <source>The first learning rate must be smaller than the last.</source>
        <translation>起始学习率必须小于终止学习率。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="317" />
        <source>Give at least one value for %1.</source>
        <translation>请为 %1 至少给出一个取值。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="333" />
        <source>Cannot sweep: %1</source>
        <translation>无法扫描：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="362" />
        <source>Running %1 runs…</source>
        <translation>正在执行 %1 次运行…</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="77" />
        <source>The sweep failed: %1</source>
        <translation>扫描失败：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="89" />
        <location filename="../../ui/views/sweep_plots.cpp" line="346" />
        <source>Every run diverged: lower the learning rates.</source>
        <translation>所有运行都发散了：请降低学习率。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="95" />
        <source> with %1 %2</source>
        <translation>（%1 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="99" />
        <source>, final loss %1.</source>
        <translation>，最终损失 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="101" />
        <source> %1 of %2 runs diverged.</source>
        <translation>%2 次运行中有 %1 次发散。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="106" />
        <source> A best rate is the largest tried: raise "To" to find the cliff.</source>
        <translation>有一个最佳学习率是所试过的最大值：请提高“到”以找到悬崖。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="179" />
        <source>Press Run sweep to train once per learning rate.</source>
        <translation>按“运行扫描”，为每个学习率各训练一次。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="285" />
        <source>validation loss (dashed)</source>
        <translation>验证损失（虚线）</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="292" />
        <location filename="../../ui/views/sweep_plots.cpp" line="443" />
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="82" />
        <source>The U-curve: every point is one complete run, its final loss against its learning rate (both on log scales).
• Left side: steps too small, the run crawls and ends high.
• Right side: steps overshoot and the loss blows up (red ×: diverged).
• The best rate (◆) sits just left of that cliff: a little smaller is safe, a little larger diverges. It is the lowest final validation loss where there is a validation split (a run whose validation loss ends 10× above its start counts as diverged), else the lowest final training loss.
Dashed: validation loss (models). Click a point to load that run.</source>
        <translation>U 形曲线：每个点是一次完整的运行，表示其最终损失与学习率的关系（两者均为对数刻度）。
• 左侧：步长太小，运行缓慢爬行，结束时损失仍很高。
• 右侧：步长过冲，损失爆炸（红色 ×：已发散）。
• 最佳学习率（◆）就位于悬崖的左边：稍小一点是安全的，稍大一点就会发散。有验证划分时它是最终验证损失最低的运行（验证损失结束时比开始高出 10 倍以上的运行算作发散），否则是最终训练损失最低的运行。
虚线：验证损失（模型）。点击一个点即可加载该运行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="123" />
        <source>Each cell is one run: its colour is log₁₀ of the final loss (dark = low). Grey cells with a red × diverged; ◆ marks each row's best rate (by validation loss where there is a validation split).
A row is one U-curve seen from above; compare rows to see how the setting moves the sweet spot and the cliff. Click a cell to load that run.</source>
        <translation>每个单元格是一次运行：其颜色表示最终损失的 log₁₀（越深 = 越低）。带红色 × 的灰色单元格表示已发散；◆ 标出每一行的最佳学习率（有验证划分时按验证损失）。
每一行就是从上方俯视的一条 U 形曲线；比较各行可以看出该设置如何移动最佳区间和悬崖。点击一个单元格即可加载该运行。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="304" />
        <source>best LR %1 (%2)</source>
        <translation>最佳学习率 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="306" />
        <source>best LR (%1)</source>
        <translation>最佳学习率（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="336" />
        <source>final training loss</source>
        <translation>最终训练损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="341" />
        <source>final loss − f* (f* = %1)</source>
        <translation>最终损失 − f*（f* = %1）</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="409" />
        <source>log₁₀ final loss</source>
        <translation>log₁₀ 最终损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="410" />
        <source>log₁₀(final − f*)</source>
        <translation>log₁₀(最终损失 − f*)</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="442" />
        <source>lr</source>
        <translation>lr</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="442" />
        <source>vary</source>
        <translation>变量</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="443" />
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="444" />
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="445" />
        <source>best loss</source>
        <translation>最佳损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="445" />
        <source>val loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="446" />
        <source>val acc</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="446" />
        <source>steps to target</source>
        <translation>到达目标步数</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="453" />
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_plots.cpp" line="453" />
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="397" />
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="400" />
        <source>Saved %1 rows to %2.</source>
        <translation>已将 %1 行保存到 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="70" />
        <source>by validation loss</source>
        <translation>按验证损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="71" />
        <source>by training loss</source>
        <translation>按训练损失</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="92" />
        <source>Best %1: lr %2</source>
        <translation>最佳（%1）：lr %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="97" />
        <source>, validation loss %1 (training loss %2).</source>
        <translation>，验证损失 %1（训练损失 %2）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="138" />
        <source>lr %1</source>
        <translation>lr %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="141" />
        <source>
final loss %1 · best %2</source>
        <translation>
最终损失 %1 · 最佳 %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="144" />
        <source> · val %1</source>
        <translation> · 验证 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="146" />
        <source> (acc %1 %)</source>
        <translation>（准确率 %1 %）</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="147" />
        <source>
diverged: yes — the steps overshoot</source>
        <translation>
已发散：是 — 步长过冲</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="148" />
        <source>
diverged: no (%1)</source>
        <translation>
已发散：否（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="151" />
        <source>
reached the target at step %1</source>
        <translation>
在第 %1 步达到目标</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="153" />
        <source>
never reached the target</source>
        <translation>
从未达到目标</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="155" />
        <source>
◆ the best rate of this curve (%1)</source>
        <translation>
◆ 此曲线的最佳学习率（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_outcome.cpp" line="156" />
        <source>
click to load this run</source>
        <translation>
点击以加载此运行</translation>
    </message>
</context>
<context>
    <name>lrlab::TextSizeActions</name>
    <message>
        <location filename="../../ui/shell/text_size_actions.cpp" line="15" />
        <source>&amp;Larger text</source>
        <translation>增大文字(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/text_size_actions.cpp" line="18" />
        <source>Larger text in the window and on the plots, e.g. for a projector.</source>
        <translation>增大窗口和图中的文字，例如用于投影仪。</translation>
    </message>
    <message>
        <location filename="../../ui/shell/text_size_actions.cpp" line="19" />
        <source>&amp;Smaller text</source>
        <translation>减小文字(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/text_size_actions.cpp" line="22" />
        <source>&amp;Normal text size</source>
        <translation>正常文字大小(&amp;N)</translation>
    </message>
</context>
<context>
    <name>lrlab::ThemeMenu</name>
    <message>
        <location filename="../../ui/shell/theme_menu.cpp" line="16" />
        <source>&amp;Theme</source>
        <translation>主题(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/theme_menu.cpp" line="18" />
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/shell/theme_menu.cpp" line="19" />
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
</context>
<context>
    <name>lrlab::UserDialogs</name>
    <message>
        <location filename="../../ui/shell/user_dialogs.cpp" line="39" />
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../ui/shell/user_dialogs.cpp" line="40" />
        <source>The session has unsaved changes. Save them first?</source>
        <translation>会话有未保存的更改。要先保存吗？</translation>
    </message>
</context>
<context>
    <name>lrlab::WindowSettings</name>
    <message>
        <location filename="../../ui/shell/window_settings.cpp" line="27" />
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
</context>
</TS>