// govreport-hello: prints one line with std::cout and exits. The start-up of a program that links
// only the C++ runtime, against which govreport's is measured.

#include <iostream>

int main() {
  std::cout << "hello\n";
  return 0;
}
