#pragma once

#include <QString>

namespace lrlab::test {

/// Calls call() and returns the what() of the Exception it throws: a null QString when it
/// returns normally (so a check such as message.contains("x") fails). Any other exception
/// propagates and fails the test.
template <typename Exception, typename Call> QString thrownMessage(Call&& call)
{
    try {
        call();
    } catch (const Exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

} // namespace lrlab::test
