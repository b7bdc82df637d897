#include <iostream>

#include <ocop.hpp>

int main() {
    const auto& ed = ocop::embedded_catalog().get("1048-781");
    std::cout << "consumer: " << ed.sets.size() << " sets\n";
    return ed.sets.size() == 26 ? 0 : 1;
}
