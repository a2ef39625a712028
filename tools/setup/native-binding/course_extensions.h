// The course's additions to tfjs-node's native binding (compiled with it by
// tools/setup/steps/native-binding.mjs; the anchors are in ./patch-binding.mjs).
#ifndef REDES_NEURAIS_COURSE_EXTENSIONS_H_
#define REDES_NEURAIS_COURSE_EXTENSIONS_H_

#include <node_api.h>
#include <signal.h>

#include "tensorflow/c/eager/c_api.h"

namespace tfnodejs {

// Holds the asynchronous signals (SIGINT from Jupyter's stop button, SIGALRM, SIGCHLD…)
// back from this thread while TensorFlow runs: they are delivered when the guard ends.
// TensorFlow's worker threads are created while a guard is active and inherit the mask,
// so no signal lands inside a TensorFlow kernel (TF 2.21's MatMul corrupts the heap
// when one does: lib/src/backend/speedups/install-speedups.ts; proved by
// ./signals-deferred.test.ts, which alone may turn the guard off through the environment
// variable REDES_NEURAIS_TESTE_SINAIS_NAO_ADIADOS=1 to show the crash it prevents).
class SignalsDeferred {
 public:
  SignalsDeferred();
  ~SignalsDeferred();
  SignalsDeferred(const SignalsDeferred &) = delete;
  SignalsDeferred &operator=(const SignalsDeferred &) = delete;

 private:
  const bool active_;
  sigset_t previous_;
};

// A list(string) attribute from a JavaScript array of strings (tfjs-node's own code takes
// one string only; TensorFlow's fused ops name their parts in one, e.g. _FusedMatMul's
// fused_ops = ["BiasAdd", "Relu"]: lib/src/backend/speedups/fused-dense.ts). Throws a
// JavaScript error when an element is not a string.
void SetAttrStringList(napi_env env, TFE_Op *tfe_op, const char *attr_name,
                       napi_value js_array);

// addFunctionDef(bytes: Uint8Array): registers a serialized tensorflow.FunctionDef
// in the binding's eager context, so executeOp can run it by name as one op.
napi_value AddFunctionDef(napi_env env, napi_callback_info info);

// hasFunction(name: string): whether the context already holds that function.
napi_value HasFunction(napi_env env, napi_callback_info info);

}  // namespace tfnodejs

#endif  // REDES_NEURAIS_COURSE_EXTENSIONS_H_
