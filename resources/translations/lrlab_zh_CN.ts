<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LearningRateControl</name>
    <message>
        <location filename="../../ui/controls/learning_rate_control.cpp" line="133"/>
        <source>Divide the learning rate by 10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/controls/learning_rate_control.cpp" line="137"/>
        <source>Multiply the learning rate by 10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/controls/learning_rate_control.cpp" line="240"/>
        <source>lr = %1 × limit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LrFinderView</name>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="74"/>
        <source>Range test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="81"/>
        <source>The first learning rate of the test.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="82"/>
        <source>Start lr:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="87"/>
        <source>The last learning rate; the test stops earlier when the smoothed loss exceeds 5× its minimum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="89"/>
        <source>End lr:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="94"/>
        <source>Minibatches (or toy steps), one learning rate each, exponentially spaced from start to end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="96"/>
        <source>Iterations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="100"/>
        <source>Run test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="102"/>
        <source>Train from the start point with a learning rate that grows every step, and record the loss (Smith, 2017).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="104"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="117"/>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="120"/>
        <source>pytorch-lr-finder: the steepest descent of the smoothed loss (per iteration).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="121"/>
        <source>fastai valley: the middle of the longest stretch where the loss keeps falling — usually the safest choice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="123"/>
        <source>fastai minimum: the LR of the lowest smoothed loss, divided by 10.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="124"/>
        <source>fastai steep: the steepest descent of the loss against log(lr).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="129"/>
        <source>Click to use this learning rate for the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="155"/>
        <source>learning rate (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="156"/>
        <location filename="../../ui/views/lr_finder_view.cpp" line="158"/>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="161"/>
        <source>smoothed loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="186"/>
        <source>Run the test to see how the loss responds to growing learning rates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="207"/>
        <source>Settings changed: the test was abandoned. Run it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="210"/>
        <source>Settings changed since this test: run it again for up-to-date suggestions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="311"/>
        <source>Testing %1 learning rates from %2 to %3…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="326"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="361"/>
        <source>The test failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="371"/>
        <source>Stopped after %1 iterations: the loss blew up at lr %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="374"/>
        <source>Done: %1 iterations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="430"/>
        <source>Use %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/lr_finder_view.cpp" line="433"/>
        <source>Use %1: —</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="275"/>
        <source>lrlab — Learning Rate Lab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="300"/>
        <source>Hide this message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="358"/>
        <source>No landscape: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="404"/>
        <source>log₁₀(f − f* + ε)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="420"/>
        <source>start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="425"/>
        <source>global minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="464"/>
        <source>Loss  f − f*  (log scale)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="465"/>
        <location filename="../../ui/main_window.cpp" line="503"/>
        <location filename="../../ui/main_window.cpp" line="515"/>
        <source>step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="465"/>
        <source>f − f*</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="475"/>
        <source>smoothed (EMA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="478"/>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="500"/>
        <source>Accuracy on the validation rows (held out from training), measured every eval_every steps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="502"/>
        <source>Validation accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="503"/>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="514"/>
        <source>Learning-rate schedule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="515"/>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="517"/>
        <source>schedule</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PinnedRuns</name>
    <message>
        <location filename="../../ui/compare/pinned_runs.cpp" line="150"/>
        <source>run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/compare/pinned_runs.cpp" line="155"/>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/compare/pinned_runs.cpp" line="156"/>
        <source>current: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlaybackBar</name>
    <message>
        <location filename="../../ui/widgets/playback_bar.cpp" line="36"/>
        <source>One step back (Left)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/playback_bar.cpp" line="43"/>
        <source>One step forward (Right)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/playback_bar.cpp" line="50"/>
        <source>Playback speed: 1× is %1 steps a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/playback_bar.cpp" line="56"/>
        <source>Drag to move every shown run to a step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/playback_bar.cpp" line="59"/>
        <source>The step shown on every plot / the last step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/playback_bar.cpp" line="62"/>
        <location filename="../../ui/widgets/playback_bar.cpp" line="232"/>
        <source>step %1 / %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/playback_bar.cpp" line="242"/>
        <source>Pause (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/widgets/playback_bar.cpp" line="242"/>
        <source>Play every shown run in step (Space)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="76"/>
        <source>Constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="77"/>
        <source>Cosine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="78"/>
        <source>Linear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="79"/>
        <source>Polynomial</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="80"/>
        <source>Exponential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="81"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="82"/>
        <source>Cosine with restarts (SGDR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="83"/>
        <source>Inverse square root</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="84"/>
        <source>One-cycle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="85"/>
        <source>Warmup–stable–decay (WSD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="201"/>
        <source>Linear regression (w, b)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="202"/>
        <source>Logistic regression (w, b)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="203"/>
        <source>Softmax regression</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="204"/>
        <source>MLP (neural network)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="212"/>
        <source>Iris (150 × 4, 3 classes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="213"/>
        <source>Wine (178 × 13, 3 classes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="214"/>
        <source>Breast cancer (569 × 30, 2 classes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="215"/>
        <source>Digits (1797 × 64, 10 classes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="216"/>
        <source>Diabetes (442 × 10, regression)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="217"/>
        <source>Fashion-MNIST (70000 × 784, 10 classes)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SweepView</name>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="218"/>
        <source>The experiment being swept: the explorer&apos;s current settings. Only its learning rate (and the crossed setting) change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="222"/>
        <source>Learning rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="228"/>
        <source>The smallest learning rate of the grid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="233"/>
        <source>The largest learning rate of the grid. Go far enough right to see the runs diverge: the cliff is what locates the best rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="239"/>
        <source>How many rates, evenly spaced on a log scale (13 over four decades is three per decade). Each is one full training run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="241"/>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="242"/>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="243"/>
        <source>&amp;Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="246"/>
        <source>Cross with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="253"/>
        <source>Repeat the LR sweep for each value of a second setting: one U-curve per value and a heat map. The best LR depends on the rest: adam wants a far smaller LR than sgd, momentum β multiplies the effective step by 1/(1−β), larger batches tolerate larger rates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="259"/>
        <source>The values of the crossed setting, separated by commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="260"/>
        <source>&amp;Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="261"/>
        <source>&amp;Values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="267"/>
        <source>T&amp;arget loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="275"/>
        <source>Report for each run the first step whose loss is at or below this value: it compares how fast the rates get there, not only where they end.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="285"/>
        <source>&amp;Run sweep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="288"/>
        <source>Run every rate of the grid (× every value) in parallel on all cores (Ctrl+Return). A sweep already running is abandoned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="290"/>
        <source>Cance&amp;l</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="292"/>
        <source>Stop the sweep now (Esc). Runs check for it every step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="301"/>
        <source>%v / %m runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="308"/>
        <source>Time since the sweep started and an estimate of what is left (from the average time per finished run).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="317"/>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="319"/>
        <source>Save the sweep table with the columns of `lrlab sweep`.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="322"/>
        <source>Export sweep table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="322"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="329"/>
        <source>&lt;b&gt;Reading the U-curve.&lt;/b&gt; Too small a rate crawls: the run ends high on the left. Too large overshoots: the loss blows up on the right (red ×). The best rate (◆) sits just left of that cliff. Click a point, a cell or a table row to load the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="349"/>
        <source>Final loss against learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="350"/>
        <location filename="../../ui/views/sweep_view.cpp" line="381"/>
        <source>learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="350"/>
        <location filename="../../ui/views/sweep_view.cpp" line="842"/>
        <location filename="../../ui/views/sweep_view.cpp" line="924"/>
        <location filename="../../ui/views/sweep_view.cpp" line="1030"/>
        <source>final loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="357"/>
        <source>The U-curve: every point is one complete run, its final loss against its learning rate (both on log scales).
• Left side: steps too small, the run crawls and ends high.
• Right side: steps overshoot and the loss blows up (red ×: diverged).
• The best rate (◆) sits just left of that cliff: a little smaller is safe, a little larger diverges.
Dashed: validation loss (models). Click a point to load that run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="380"/>
        <source>Final loss over learning rate × setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="403"/>
        <source>Each cell is one run: its colour is log₁₀ of the final loss (dark = low). Grey cells with a red × diverged; ◆ marks each row&apos;s best rate.
A row is one U-curve seen from above; compare rows to see how the setting moves the sweet spot and the cliff. Click a cell to load that run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="423"/>
        <source>One row a run, as `lrlab sweep` writes it. Enter or double-click loads the run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="498"/>
        <source>&lt;b&gt;Sweeping:&lt;/b&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="530"/>
        <source>The first learning rate must be smaller than the last.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="546"/>
        <source>Give at least one value for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="564"/>
        <source>Cannot sweep: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="607"/>
        <source>started…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="608"/>
        <source>Running %1 runs…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="626"/>
        <source>Cancelled after %1 / %2 runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="627"/>
        <source>cancelled after %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="660"/>
        <source>%1 s elapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="662"/>
        <source> · about %1 s left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="673"/>
        <source>The sweep failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="688"/>
        <source>%1 runs in %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="752"/>
        <location filename="../../ui/views/sweep_view.cpp" line="931"/>
        <source>Every run diverged: lower the learning rates.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="756"/>
        <source>Best: lr %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="758"/>
        <source> with %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="759"/>
        <source>, final loss %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="761"/>
        <source> %1 of %2 runs diverged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="766"/>
        <source> A best rate is the largest tried: raise &quot;To&quot; to find the cliff.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="777"/>
        <source>Press Run sweep to train once per learning rate.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="879"/>
        <source>validation loss (dashed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="886"/>
        <location filename="../../ui/views/sweep_view.cpp" line="1028"/>
        <source>diverged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="893"/>
        <source>best LR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="922"/>
        <source>final training loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="926"/>
        <source>final loss − f* (f* = %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="993"/>
        <source>log₁₀ final loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="994"/>
        <source>log₁₀(final − f*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1025"/>
        <source>lr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1026"/>
        <source>vary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1027"/>
        <source>status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1029"/>
        <source>steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1031"/>
        <source>best loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1032"/>
        <source>val loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1033"/>
        <source>val acc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1034"/>
        <source>steps to target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1045"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1045"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1117"/>
        <location filename="../../ui/views/sweep_view.cpp" line="1122"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1125"/>
        <source>Saved %1 rows to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1135"/>
        <source>lr %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1138"/>
        <source>
final loss %1 · best %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1140"/>
        <source> · val %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1142"/>
        <source> (acc %1 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1143"/>
        <source>
diverged: yes — the steps overshoot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1144"/>
        <source>
diverged: no (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1146"/>
        <source>
reached the target at step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1148"/>
        <source>
never reached the target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1150"/>
        <source>
◆ the best rate of this curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/sweep_view.cpp" line="1151"/>
        <source>
click to load this run</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lrlab</name>
    <message>
        <location filename="../../ui/export/plot_export.cpp" line="258"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/plot_export.cpp" line="258"/>
        <source>SVG vector image (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/plot_export.cpp" line="259"/>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/plot_export.cpp" line="265"/>
        <location filename="../../ui/export/plot_export.cpp" line="282"/>
        <source>Export figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/plot_export.cpp" line="283"/>
        <source>The figure could not be saved:
%1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lrlab::DifferenceLabel</name>
    <message>
        <location filename="../../ui/compare/difference_label.cpp" line="116"/>
        <source>no hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lrlab::ExportRun</name>
    <message>
        <location filename="../../ui/export/export_run.cpp" line="54"/>
        <source>run %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/export/export_run.cpp" line="58"/>
        <source>current</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
