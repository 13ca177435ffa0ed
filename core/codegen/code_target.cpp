#include "core/codegen/code_target.h"

#include "core/codegen/hf_code.h"
#include "core/codegen/torch_code.h"

#include <algorithm>
#include <stdexcept>

namespace lrlab {

namespace {

/// Lightning: the PyTorch snippet plus configure_optimizers, to paste into a LightningModule.
std::string lightningSnippet(const RunConfig& config)
{
    return pytorchSnippet(config) +
           "\n\n# In your LightningModule:\n"
           "def configure_optimizers(self):\n"
           "    optimizer, scheduler = make_optimizer(self.parameters())\n"
           "    return {\n"
           "        \"optimizer\": optimizer,\n"
           "        \"lr_scheduler\": {\"scheduler\": scheduler, \"interval\": \"step\", "
           "\"frequency\": 1},\n"
           "    }\n";
}

} // namespace

const std::vector<std::string>& codeTargetNames()
{
    static const std::vector<std::string> names = {"pytorch", "hf", "lightning"};
    return names;
}

std::string codeTargetName(CodeTarget target)
{
    return codeTargetNames().at(static_cast<std::size_t>(target));
}

CodeTarget codeTargetFromName(const std::string& name)
{
    const auto& names = codeTargetNames();
    const auto it = std::find(names.begin(), names.end(), name);
    if (it == names.end())
        throw std::invalid_argument("unknown target '" + name + "' (pytorch, hf or lightning)");
    return static_cast<CodeTarget>(it - names.begin());
}

std::string generateCode(const RunConfig& config, CodeTarget target)
{
    switch (target) {
    case CodeTarget::PyTorch:
        return pytorchSnippet(config);
    case CodeTarget::HuggingFace:
        return huggingFaceSnippet(config);
    case CodeTarget::Lightning:
        return lightningSnippet(config);
    }
    throw std::invalid_argument("invalid code target");
}

} // namespace lrlab
