#pragma once
// The service's one error convention. A function that cannot do its work throws service::Error, whose message names
// the file or field and the problem; work its caller cancelled throws service::Cancelled. Results carry no error
// fields or flags. JobTracker turns an Error (any std::exception) into its failed() signal and a Cancelled into
// nothing at all.

#include <stdexcept>

namespace fvae::service {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Cancelled : public std::runtime_error {
 public:
  Cancelled() : std::runtime_error("cancelled") {}
};

}  // namespace fvae::service
