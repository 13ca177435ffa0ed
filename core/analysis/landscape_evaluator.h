#pragma once

#include "core/analysis/landscape.h"
#include "core/engine/model_problem.h"

#include <vector>

namespace lrlab {

/// How a LandscapeEvaluator computes the first layer of a cell.
enum class FirstLayerMode {
    /// The cell's parameters rounded to float and the layer's GEMM, as Model<float> does; the
    /// first layers of kLandscapeCellsPerBatch cells run as one GEMM with their weight matrices
    /// stacked, so the input rows are read once. Every output element is the same sum in the
    /// same order as Model<float>::loss computes it (the kernels add each product in depth order
    /// without FMA, whatever the matrix width), so losses are bit-identical to
    /// ModelProblem::trainLoss on the same rows.
    Exact,
    /// The first layer is linear in the plane coordinates: z = X·(W_o + α·W_1 + β·W_2)ᵀ + b(α, β).
    /// X·W_oᵀ, X·W_1ᵀ and X·W_2ᵀ (plus biases) are computed once in double, and a cell's
    /// pre-activation is their combination rounded once to float. This differs from Exact only by
    /// float rounding (not bit-identical; the relative difference of the loss is of the order of
    /// float epsilon), and makes a cell cost the later layers only: the explorer's maps (2.4× the
    /// speed of Exact on the digits MLP 64-32-10, far more for Fashion-MNIST's 784 pixels). The
    /// later layers and the loss head then run unit by unit (restOfCellByUnit).
    Projected
};

/// Cells whose first layers share one stacked GEMM (Exact mode).
constexpr int kLandscapeCellsPerBatch = 8;

/// The training rows a landscape is evaluated on: all of them when maxRows is 0 or covers the
/// split, else maxRows rows spread evenly over the split (split position ⌊k·n/maxRows⌋, k =
/// 0..maxRows−1): deterministic, the same for every run of the problem.
std::vector<int> landscapeRows(const ModelProblem& problem, int maxRows);

/// Mean cross-entropy training loss at points of a model plane, many cells at a time, fused
/// (forward pass and loss per block of rows, nothing allocated per cell). Rows are summed in
/// the segments ModelProblem::trainLoss uses (the whole split up to 2048 rows for tabular data,
/// chunks of ModelProblem::kEvaluationChunk for byte datasets), so Exact mode reproduces it bit
/// for bit. Only classification models with cross-entropy loss (softmax, mlp on a labelled
/// dataset) are supported (supports()); computeModelGrid falls back to per-cell trainLoss for
/// the others. Immutable after construction; evaluate() is thread-safe with one Scratch per
/// thread.
class LandscapeEvaluator
{
public:
    /// Per-thread buffers.
    struct Scratch
    {
        std::vector<float> x, stackedWeights, stackedBias, firstLayer, layerA, layerB, exps, rowMax,
            rowSum;
        std::vector<float> params, gemm;
        std::vector<int> labels;
    };

    /// Whether problem's model can be evaluated here (cross-entropy loss).
    static bool supports(const ModelProblem& problem);

    /// rows: indices into problem.split().train (see landscapeRows), at least one.
    LandscapeEvaluator(const ModelProblem& problem, const ModelPlane& plane, std::vector<int> rows,
                       FirstLayerMode mode);

    /// The loss at plane points (alpha[k], beta[k]), k < count <= kLandscapeCellsPerBatch, into
    /// loss[k]. Returns false, leaving loss as it was, when cancel is raised (checked every block
    /// of rows, so a batch on a large split is abandoned within milliseconds).
    bool evaluate(const double* alpha, const double* beta, int count, double* loss,
                  Scratch& scratch, const CancelFlag* cancel = nullptr) const;

    int rowCount() const { return static_cast<int>(m_rows.size()); }
    int totalRows() const { return m_problem.trainCount(); }

private:
    /// The standardized features of rows [first, first + m) of the row set (m <= 256).
    const float* block(int first, int m, Scratch& scratch) const;
    /// Layers 1.. and the loss head of one cell on m rows whose first-layer output (after its
    /// activation) is at input with row stride ld; returns the summed loss of the rows.
    double restOfCell(const float* params, const float* input, std::ptrdiff_t ld, int m,
                      const int* labels, Scratch& scratch) const;
    /// restOfCell with every layer's output stored unit by unit (outputs × m, row stride m):
    /// input is the first layer's output so stored. The rows run along the vectors, so a narrow
    /// layer (the 10 classes) and the loss head fill them; each row's loss is the same sum as
    /// restOfCell's, bit for bit.
    double restOfCellByUnit(const float* params, const float* input, int m, const int* labels,
                            Scratch& scratch) const;

    const ModelProblem& m_problem;
    const ModelPlane& m_plane;
    Model<float> m_layout;
    std::vector<int> m_rows;   ///< dataset row indices
    std::vector<int> m_labels; ///< their labels
    std::vector<float> m_x;    ///< Exact: their features when small enough to keep (else empty)
    FirstLayerMode m_mode;
    int m_segment = 0; ///< rows summed before a segment's partial mean is taken
    bool m_roundSegments = false;
    /// Projected: layer 0's pre-activations for the origin and the two directions, biases added,
    /// unit by unit (outputs × rows, row stride rows).
    std::vector<double> m_projected[3];
};

/// The n×n grid of evaluator's loss over box (as computeModelGrid), one parallel task per
/// kLandscapeCellsPerBatch cells. Several grids of one plane can share the evaluator (its set-up,
/// e.g. the projected first layer, is done once). When coarser is a complete grid over the same
/// box with side (n − 1)/2 + 1, its cells are the grid's even cells (same coordinates, bit for
/// bit) and are copied instead of computed, so a coarse-to-fine ladder computes each cell once.
LandscapeGrid computeEvaluatorGrid(const LandscapeEvaluator& evaluator, int n, const ViewBox& box,
                                   const LandscapeOptions& options,
                                   const LandscapeGrid* coarser = nullptr);

} // namespace lrlab
