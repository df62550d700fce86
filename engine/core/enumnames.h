#pragma once
// Parsing the names Kiln gives its enumerations ("one-cycle", "resnet18", "valid", ...): the
// inverse of each xxxName() function, over the values it names.

#include <initializer_list>
#include <string_view>

namespace kiln {

template <class E>
bool parseByName(std::string_view name, std::initializer_list<E> values, const char *(*nameOf)(E), E &out)
{
    for (E v : values)
        if (name == nameOf(v)) {
            out = v;
            return true;
        }
    return false;
}

} // namespace kiln
