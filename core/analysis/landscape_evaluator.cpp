// GCC 12 reports -Wmaybe-uninitialized inside its own AVX-512 intrinsics headers when Eigen's
// reductions are inlined with -march=native (GCC PR 105593, fixed in GCC 13; see model.cpp).
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ == 12
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "core/analysis/landscape_evaluator.h"

#include "core/engine/parallel_engine.h"
#include "core/models/kernels.h"
#include "core/util/target_clones.h"

#include <Eigen/Core>

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace lrlab {

namespace {

/// Rows of one fused block: every layer's output for the block stays in cache. Divides both
/// segment lengths (512 and 2048), so blocks never straddle a segment.
constexpr int kBlockRows = 256;
/// The rows a landscape worker's model reserves (landscape.cpp): a tabular split up to this
/// size is one segment.
constexpr int kTabularSegment = 2048;
/// Features an Exact evaluator keeps gathered (4 MB of floats).
constexpr std::size_t kKeptFeatures = std::size_t{1} << 20;

using RowMatrixXd = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using RowMatrixXf = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

std::size_t product(int a, int b)
{
    return static_cast<std::size_t>(a) * static_cast<std::size_t>(b);
}

void broadcastRows(const float* bias, int count, int m, float* out, std::ptrdiff_t ld)
{
    for (int i = 0; i < m; ++i)
        std::copy(bias, bias + count, out + i * ld);
}

void activate(Activation activation, float* z, std::size_t n)
{
    const kernels::KernelTable<float>& k = kernels::activeTable<float>();
    if (activation == Activation::Tanh)
        k.tanhInPlace(z, n);
    else
        k.reluInPlace(z, n);
}

// The per-row loops of the unit-by-unit path, on wide vectors (target_clones.h). Only +, ×,
// comparisons and one rounding to float: every clone gives the same bits.

/// out[i] = float(q0[i] + a·q1[i] + b·q2[i]) for i < n: one unit of the first layer at (a, b).
LRLAB_TARGET_CLONES void combinePlane(const double* __restrict q0, const double* __restrict q1,
                                      const double* __restrict q2, double a, double b,
                                      float* __restrict out, int n)
{
    for (int i = 0; i < n; ++i)
        out[i] = static_cast<float>(q0[i] + a * q1[i] + b * q2[i]);
}

/// For each of m rows whose classes logits are stored class by class (row stride m): the row
/// maximum (the first class, then `logit > max ? logit : max` in class order, as Model::head) and
/// the shifted logits e = logit − max, stored likewise.
LRLAB_TARGET_CLONES void maximaAndShift(const float* __restrict logits, int classes, int m,
                                        float* __restrict rowMax, float* __restrict e)
{
    std::copy_n(logits, m, rowMax);
    for (int c = 1; c < classes; ++c) {
        const float* logit = logits + product(c, m);
        for (int i = 0; i < m; ++i)
            rowMax[i] = logit[i] > rowMax[i] ? logit[i] : rowMax[i];
    }
    for (int c = 0; c < classes; ++c) {
        const float* logit = logits + product(c, m);
        float* out = e + product(c, m);
        for (int i = 0; i < m; ++i)
            out[i] = logit[i] - rowMax[i];
    }
}

/// rowSum[i] = e(i,0) + e(i,1) + … in class order, for e stored class by class (row stride m).
LRLAB_TARGET_CLONES void classSums(const float* __restrict e, int classes, int m,
                                   float* __restrict rowSum)
{
    std::copy_n(e, m, rowSum);
    for (int c = 1; c < classes; ++c) {
        const float* row = e + product(c, m);
        for (int i = 0; i < m; ++i)
            rowSum[i] += row[i];
    }
}

} // namespace

std::vector<int> landscapeRows(const ModelProblem& problem, int maxRows)
{
    const std::vector<int>& train = problem.split().train;
    const auto n = static_cast<long long>(train.size());
    if (maxRows <= 0 || maxRows >= n)
        return train;
    std::vector<int> rows(static_cast<std::size_t>(maxRows));
    for (long long k = 0; k < maxRows; ++k)
        rows[static_cast<std::size_t>(k)] = train[static_cast<std::size_t>(k * n / maxRows)];
    return rows;
}

bool LandscapeEvaluator::supports(const ModelProblem& problem)
{
    return problem.modelSpec().loss == LossKind::CrossEntropy &&
           problem.dataset().isClassification();
}

LandscapeEvaluator::LandscapeEvaluator(const ModelProblem& problem, const ModelPlane& plane,
                                       std::vector<int> rows, FirstLayerMode mode)
    : m_problem(problem), m_plane(plane), m_layout(problem.modelSpec()), m_rows(std::move(rows)),
      m_mode(mode)
{
    if (!supports(problem))
        throw std::invalid_argument("landscape: the batched evaluator needs a cross-entropy model");
    if (m_rows.empty())
        throw std::invalid_argument("landscape: no training rows to evaluate");
    if (m_layout.parameterCount() != plane.parameterCount())
        throw std::invalid_argument("plane: has " + std::to_string(plane.parameterCount()) +
                                    " parameters, the model " +
                                    std::to_string(m_layout.parameterCount()));
    // The segments of ModelProblem::trainLoss: a byte dataset is evaluated in chunks whose means
    // are rounded to float and weighted by their rows; a tabular one in the model's reserved rows.
    m_roundSegments = problem.dataset().storesBytes();
    m_segment = m_roundSegments ? ModelProblem::kEvaluationChunk
                                : std::max(1, std::min(problem.trainCount(), kTabularSegment));
    m_labels.resize(m_rows.size());
    const int f = problem.features();
    if (m_mode == FirstLayerMode::Exact) {
        // Rows that fit in a few MB (the tabular datasets) are gathered once; larger sets (byte
        // images) a block at a time, each block read by a whole batch of cells.
        const bool keep = product(rowCount(), f) <= kKeptFeatures;
        std::vector<float> x(keep ? product(rowCount(), f) : product(kBlockRows, f));
        for (int first = 0; first < rowCount(); first += kBlockRows) {
            const int m = std::min(kBlockRows, rowCount() - first);
            problem.gather(m_rows.data() + first, m, x.data() + (keep ? product(first, f) : 0),
                           m_labels.data() + first, nullptr);
        }
        if (keep)
            m_x = std::move(x);
        return;
    }
    const LayerShape& s = m_layout.layer(0);
    const Eigen::VectorXd* vectors[3] = {&plane.origin, &plane.direction1, &plane.direction2};
    for (auto& p : m_projected)
        p.resize(product(rowCount(), s.outputs));
    RowMatrixXf x(kBlockRows, f);
    const Eigen::Index n = rowCount();
    for (int first = 0; first < rowCount(); first += kBlockRows) {
        const int m = std::min(kBlockRows, rowCount() - first);
        problem.gather(m_rows.data() + first, m, x.data(), m_labels.data() + first, nullptr);
        const RowMatrixXd xd = x.topRows(m).cast<double>();
        for (int k = 0; k < 3; ++k) {
            const double* v = vectors[k]->data();
            const Eigen::Map<const RowMatrixXd> w(v + s.weightOffset, s.outputs, s.inputs);
            const Eigen::Map<const Eigen::VectorXd> b(v + s.biasOffset, s.outputs);
            // Unit by unit (outputs × rows): W·Xᵀ + b, columns first..first+m−1.
            Eigen::Map<RowMatrixXd, 0, Eigen::OuterStride<>> out(
                m_projected[k].data() + first, s.outputs, m, Eigen::OuterStride<>(n));
            out.noalias() = w * xd.transpose();
            out.colwise() += b;
        }
    }
}

const float* LandscapeEvaluator::block(int first, int m, Scratch& scratch) const
{
    const int f = m_layout.spec().inputs;
    if (!m_x.empty())
        return m_x.data() + product(first, f);
    m_problem.gather(m_rows.data() + first, m, scratch.x.data(), nullptr, nullptr);
    return scratch.x.data();
}

double LandscapeEvaluator::restOfCell(const float* params, const float* input, std::ptrdiff_t ld,
                                      int m, const int* labels, Scratch& scratch) const
{
    const kernels::KernelTable<float>& k = kernels::activeTable<float>();
    const int layers = m_layout.layerCount();
    float* buffers[2] = {scratch.layerA.data(), scratch.layerB.data()};
    for (int l = 1; l < layers; ++l) {
        const LayerShape& s = m_layout.layer(l);
        float* z = buffers[l % 2];
        // As Model::forward: z = 1·bᵀ, then += A·Wᵀ (each element summed in depth order).
        broadcastRows(params + s.biasOffset, s.outputs, m, z, s.outputs);
        k.gemmAccumulate(m, s.outputs, s.inputs, {input, ld, 1},
                         {params + s.weightOffset, 1, s.inputs}, z, s.outputs, scratch.gemm.data());
        if (l != layers - 1)
            activate(m_layout.spec().activation, z, product(m, s.outputs));
        input = z;
        ld = s.outputs;
    }
    // The cross-entropy head of Model::head, operation for operation: row maxima, exp of the
    // shifted logits over the block, sums in class order, log, then the rows' losses in order.
    const int classes = m_layout.spec().outputs;
    float* e = scratch.exps.data();
    float* rowMax = scratch.rowMax.data();
    float* rowSum = scratch.rowSum.data();
    for (int i = 0; i < m; ++i) {
        const float* row = input + i * ld;
        float best = row[0];
        for (int c = 1; c < classes; ++c)
            best = row[c] > best ? row[c] : best;
        rowMax[i] = best;
        for (int c = 0; c < classes; ++c)
            e[product(i, classes) + static_cast<std::size_t>(c)] = row[c] - best;
    }
    k.expInPlace(e, product(m, classes));
    for (int i = 0; i < m; ++i) {
        const float* row = e + product(i, classes);
        float sum = row[0];
        for (int c = 1; c < classes; ++c)
            sum += row[c];
        rowSum[i] = sum;
    }
    k.logInPlace(rowSum, static_cast<std::size_t>(m));
    double total = 0.0;
    for (int i = 0; i < m; ++i)
        total += static_cast<double>(rowMax[i]) - static_cast<double>(input[i * ld + labels[i]]) +
                 static_cast<double>(rowSum[i]);
    return total;
}

double LandscapeEvaluator::restOfCellByUnit(const float* params, const float* input, int m,
                                            const int* labels, Scratch& scratch) const
{
    const kernels::KernelTable<float>& k = kernels::activeTable<float>();
    const int layers = m_layout.layerCount();
    float* buffers[2] = {scratch.layerA.data(), scratch.layerB.data()};
    for (int l = 1; l < layers; ++l) {
        const LayerShape& s = m_layout.layer(l);
        float* z = buffers[l % 2];
        // Zᵀ = b·1ᵀ, then += W·Aᵀ: element (unit o, row i) is b_o + Σ_p W(o,p)·A(i,p) summed in
        // depth order, the same sum as restOfCell's, with the rows along the vectors.
        for (int o = 0; o < s.outputs; ++o)
            std::fill_n(z + product(o, m), m, params[s.biasOffset + o]);
        k.gemmAccumulate(s.outputs, m, s.inputs, {params + s.weightOffset, s.inputs, 1},
                         {input, m, 1}, z, m, scratch.gemm.data());
        if (l != layers - 1)
            activate(m_layout.spec().activation, z, product(m, s.outputs));
        input = z;
    }
    // restOfCell's head with the rows along the vectors: the same operations per row, the class
    // loops outside.
    const int classes = m_layout.spec().outputs;
    float* e = scratch.exps.data();
    float* rowMax = scratch.rowMax.data();
    float* rowSum = scratch.rowSum.data();
    maximaAndShift(input, classes, m, rowMax, e);
    k.expInPlace(e, product(m, classes));
    classSums(e, classes, m, rowSum);
    k.logInPlace(rowSum, static_cast<std::size_t>(m));
    double total = 0.0;
    for (int i = 0; i < m; ++i)
        total += static_cast<double>(rowMax[i]) -
                 static_cast<double>(input[product(labels[i], m) + static_cast<std::size_t>(i)]) +
                 static_cast<double>(rowSum[i]);
    return total;
}

bool LandscapeEvaluator::evaluate(const double* alpha, const double* beta, int count, double* loss,
                                  Scratch& scratch, const CancelFlag* cancel) const
{
    if (count < 1 || count > kLandscapeCellsPerBatch)
        throw std::invalid_argument("landscape: a batch holds 1.." +
                                    std::to_string(kLandscapeCellsPerBatch) + " cells");
    const int p = m_layout.parameterCount();
    const LayerShape& first = m_layout.layer(0);
    const int stackedWidth = count * first.outputs;
    int widest = 1;
    std::size_t workspace = kernels::gemmWorkspaceSize(kBlockRows, stackedWidth, first.inputs);
    for (int l = 0; l < m_layout.layerCount(); ++l) {
        const LayerShape& s = m_layout.layer(l);
        widest = std::max(widest, s.outputs);
        workspace =
            std::max({workspace, kernels::gemmWorkspaceSize(kBlockRows, s.outputs, s.inputs),
                      kernels::gemmWorkspaceSize(s.outputs, kBlockRows, s.inputs)});
    }
    // Sized once per worker (the largest batch first), never per cell afterwards.
    const auto ensure = [](std::vector<float>& v, std::size_t n) {
        if (v.size() < n)
            v.resize(n);
    };
    ensure(scratch.params, product(count, p));
    ensure(scratch.x, product(kBlockRows, first.inputs));
    ensure(scratch.stackedWeights, product(stackedWidth, first.inputs));
    ensure(scratch.firstLayer, product(kBlockRows, std::max(stackedWidth, first.outputs)) + 1);
    ensure(scratch.layerA, product(kBlockRows, widest));
    ensure(scratch.layerB, product(kBlockRows, widest));
    ensure(scratch.exps, product(kBlockRows, m_layout.spec().outputs));
    ensure(scratch.rowMax, kBlockRows);
    ensure(scratch.rowSum, kBlockRows);
    ensure(scratch.gemm, workspace);
    ensure(scratch.stackedBias, static_cast<std::size_t>(stackedWidth));
    float* stackedBias = scratch.stackedBias.data();
    for (int c = 0; c < count; ++c) {
        float* params = scratch.params.data() + product(c, p);
        planePoint(m_plane, alpha[c], beta[c], params);
        if (m_mode == FirstLayerMode::Exact) {
            std::copy_n(params + first.weightOffset, product(first.outputs, first.inputs),
                        scratch.stackedWeights.data() + product(c * first.outputs, first.inputs));
            std::copy_n(params + first.biasOffset, first.outputs,
                        stackedBias + product(c, first.outputs));
        }
    }
    const bool hidden = m_layout.layerCount() > 1;
    const Activation activation = m_layout.spec().activation;
    const kernels::KernelTable<float>& k = kernels::activeTable<float>();
    double grand[kLandscapeCellsPerBatch] = {};
    double segmentTotal[kLandscapeCellsPerBatch];
    const int n = rowCount();
    for (int segmentStart = 0; segmentStart < n; segmentStart += m_segment) {
        const int segmentRows = std::min(m_segment, n - segmentStart);
        std::fill(segmentTotal, segmentTotal + count, 0.0);
        for (int blockStart = segmentStart; blockStart < segmentStart + segmentRows;
             blockStart += kBlockRows) {
            const int m = std::min(kBlockRows, segmentStart + segmentRows - blockStart);
            if (cancel != nullptr && cancel->load())
                return false;
            const int* labels = m_labels.data() + blockStart;
            float* z = scratch.firstLayer.data();
            if (m_mode == FirstLayerMode::Exact) {
                // All cells' first layers in one GEMM: [Z_1 … Z_count] = 1·bᵀ + X·[W_1 … W_count]ᵀ.
                const float* x = block(blockStart, m, scratch);
                broadcastRows(stackedBias, stackedWidth, m, z, stackedWidth);
                k.gemmAccumulate(m, stackedWidth, first.inputs, {x, first.inputs, 1},
                                 {scratch.stackedWeights.data(), 1, first.inputs}, z, stackedWidth,
                                 scratch.gemm.data());
                if (hidden)
                    activate(activation, z, product(m, stackedWidth));
                for (int c = 0; c < count; ++c)
                    segmentTotal[c] +=
                        restOfCell(scratch.params.data() + product(c, p),
                                   z + product(c, first.outputs), stackedWidth, m, labels, scratch);
                continue;
            }
            // Unit by unit (first.outputs × m, the rows along the vectors) to the loss. Each unit's
            // three projections are read once for all the batch's cells (they stay in L1).
            const std::size_t size = product(m, first.outputs);
            for (int o = 0; o < first.outputs; ++o) {
                const std::size_t offset = product(o, n) + static_cast<std::size_t>(blockStart);
                for (int c = 0; c < count; ++c)
                    combinePlane(m_projected[0].data() + offset, m_projected[1].data() + offset,
                                 m_projected[2].data() + offset, alpha[c], beta[c],
                                 z + product(c * first.outputs + o, m), m);
            }
            for (int c = 0; c < count; ++c) {
                float* cell = z + product(c * first.outputs, m);
                if (hidden)
                    activate(activation, cell, size);
                segmentTotal[c] += restOfCellByUnit(scratch.params.data() + product(c, p), cell, m,
                                                    labels, scratch);
            }
        }
        for (int c = 0; c < count; ++c) {
            if (m_roundSegments) // ModelProblem: Σ float(chunk mean)·rows over the chunks
                grand[c] += static_cast<double>(static_cast<float>(segmentTotal[c] / segmentRows)) *
                            segmentRows;
            else // Model::loss: the summed rows of every chunk
                grand[c] += segmentTotal[c];
        }
    }
    for (int c = 0; c < count; ++c)
        loss[c] =
            m_roundSegments ? grand[c] / n : static_cast<double>(static_cast<float>(grand[c] / n));
    return true;
}

LandscapeGrid computeEvaluatorGrid(const LandscapeEvaluator& evaluator, int n, const ViewBox& box,
                                   const LandscapeOptions& options, const LandscapeGrid* coarser)
{
    checkGrid(n, box);
    const int cells = n * n;
    LandscapeGrid grid;
    grid.n = n;
    grid.alpha = gridCoordinates(box.xMin, box.xMax, n);
    grid.beta = gridCoordinates(box.yMin, box.yMax, n);
    grid.loss.assign(static_cast<std::size_t>(cells), std::numeric_limits<double>::quiet_NaN());
    grid.rows = evaluator.rowCount();
    grid.totalRows = evaluator.totalRows();
    // The coarser grid's cells are the even ones when every coordinate matches bit for bit.
    bool reuse =
        coarser != nullptr && coarser->complete && coarser->n >= 2 && n == 2 * (coarser->n - 1) + 1;
    for (int i = 0; reuse && i < coarser->n; ++i) {
        const auto c = static_cast<std::size_t>(i);
        reuse = grid.alpha[2 * c] == coarser->alpha[c] && grid.beta[2 * c] == coarser->beta[c];
    }
    std::vector<int> todo;
    todo.reserve(static_cast<std::size_t>(cells));
    for (int index = 0; index < cells; ++index) {
        const int j = index / n;
        const int i = index - j * n;
        if (reuse && i % 2 == 0 && j % 2 == 0)
            grid.loss[static_cast<std::size_t>(index)] = coarser->at(i / 2, j / 2);
        else
            todo.push_back(index);
    }
    const int count = static_cast<int>(todo.size());
    constexpr int batch = kLandscapeCellsPerBatch;
    const int tasks = (count + batch - 1) / batch;
    std::vector<LandscapeEvaluator::Scratch> scratch(static_cast<std::size_t>(
        std::max(1, std::min(resolveThreadCount(options.threads), tasks))));
    ParallelOptions parallel;
    parallel.threads = options.threads;
    parallel.cancel = options.cancel;
    if (options.progress)
        parallel.progress = [&options, count](int done, int) {
            options.progress(std::min(count, done * batch), count);
        };
    grid.complete = parallelFor(
        tasks,
        [&](int task, int worker) {
            const int first = task * batch;
            const int size = std::min(batch, count - first);
            double alpha[batch];
            double beta[batch];
            double loss[batch];
            for (int c = 0; c < size; ++c) {
                const int index = todo[static_cast<std::size_t>(first + c)];
                const int j = index / n;
                alpha[c] = grid.alpha[static_cast<std::size_t>(index - j * n)];
                beta[c] = grid.beta[static_cast<std::size_t>(j)];
            }
            if (!evaluator.evaluate(alpha, beta, size, loss,
                                    scratch[static_cast<std::size_t>(worker)], options.cancel))
                return; // abandoned: parallelFor sees the flag and reports an incomplete grid
            for (int c = 0; c < size; ++c)
                grid.loss[static_cast<std::size_t>(todo[static_cast<std::size_t>(first + c)])] =
                    loss[c];
        },
        parallel);
    return grid;
}

} // namespace lrlab
