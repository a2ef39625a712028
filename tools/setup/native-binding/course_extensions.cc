// The course's additions to tfjs-node's native binding: see ./course_extensions.h.
#include "course_extensions.h"

#include <pthread.h>

#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "tensorflow/c/c_api.h"
#include "tensorflow/c/eager/c_api.h"
#include "tfjs_backend.h"
#include "utils.h"

namespace tfnodejs {

namespace {

sigset_t DeferredSignals() {
  sigset_t set;
  sigemptyset(&set);
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2,
                            SIGALRM, SIGCHLD, SIGWINCH, SIGPIPE, SIGVTALRM}) {
    sigaddset(&set, signal_number);
  }
  return set;
}

// Test hook, read once: REDES_NEURAIS_TESTE_SINAIS_NAO_ADIADOS=1 turns the guard off, so that
// ./signals-deferred.test.ts can show what the guard prevents. Nothing else sets it.
bool GuardOffForTest() {
  static const bool off = [] {
    const char *value = std::getenv("REDES_NEURAIS_TESTE_SINAIS_NAO_ADIADOS");
    return value != nullptr && std::strcmp(value, "1") == 0;
  }();
  return off;
}

TFJSBackend *BackendOf(napi_env env) {
  TFJSBackend *backend = nullptr;
  napi_status nstatus =
      napi_get_instance_data(env, reinterpret_cast<void **>(&backend));
  ENSURE_NAPI_OK_RETVAL(env, nstatus, nullptr);
  return backend;
}

}  // namespace

SignalsDeferred::SignalsDeferred() : active_(!GuardOffForTest()) {
  if (!active_) return;
  const sigset_t deferred = DeferredSignals();
  pthread_sigmask(SIG_BLOCK, &deferred, &previous_);
}

SignalsDeferred::~SignalsDeferred() {
  if (active_) pthread_sigmask(SIG_SETMASK, &previous_, nullptr);
}

void SetAttrStringList(napi_env env, TFE_Op *tfe_op, const char *attr_name,
                       napi_value js_array) {
  uint32_t length = 0;
  napi_status nstatus = napi_get_array_length(env, js_array, &length);
  ENSURE_NAPI_OK(env, nstatus);
  std::vector<std::string> strings(length);
  for (uint32_t i = 0; i < length; ++i) {
    napi_value element;
    nstatus = napi_get_element(env, js_array, i, &element);
    ENSURE_NAPI_OK(env, nstatus);
    napi_valuetype type;
    nstatus = napi_typeof(env, element, &type);
    ENSURE_NAPI_OK(env, nstatus);
    if (type != napi_string) {
      NAPI_THROW_ERROR(env, "o atributo %s espera uma lista de strings; o item %u não é string",
                       attr_name, i);
      return;
    }
    nstatus = GetStringParam(env, element, strings[i]);
    ENSURE_NAPI_OK(env, nstatus);
  }
  std::vector<const void *> values(length);
  std::vector<size_t> lengths(length);
  for (uint32_t i = 0; i < length; ++i) {
    values[i] = strings[i].data();
    lengths[i] = strings[i].size();
  }
  TFE_OpSetAttrStringList(tfe_op, attr_name, values.data(), lengths.data(),
                          static_cast<int>(length));
}

napi_value AddFunctionDef(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value args[1];
  napi_status nstatus = napi_get_cb_info(env, info, &argc, args, nullptr, nullptr);
  ENSURE_NAPI_OK_RETVAL(env, nstatus, nullptr);
  bool is_typed_array = false;
  if (argc >= 1) {
    nstatus = napi_is_typedarray(env, args[0], &is_typed_array);
    ENSURE_NAPI_OK_RETVAL(env, nstatus, nullptr);
  }
  if (!is_typed_array) {
    NAPI_THROW_ERROR(env, "addFunctionDef espera um Uint8Array com um FunctionDef serializado");
    return nullptr;
  }
  napi_typedarray_type type;
  size_t length = 0;
  void *data = nullptr;
  nstatus = napi_get_typedarray_info(env, args[0], &type, &length, &data, nullptr, nullptr);
  ENSURE_NAPI_OK_RETVAL(env, nstatus, nullptr);
  if (type != napi_uint8_array) {
    NAPI_THROW_ERROR(env, "addFunctionDef espera um Uint8Array com um FunctionDef serializado");
    return nullptr;
  }
  TFJSBackend *backend = BackendOf(env);
  if (backend == nullptr) return nullptr;
  TF_Status *status = TF_NewStatus();
  {
    SignalsDeferred deferred;
    TFE_ContextAddFunctionDef(backend->context(), static_cast<const char *>(data), length, status);
  }
  if (TF_GetCode(status) != TF_OK) {
    std::string message = TF_Message(status);
    TF_DeleteStatus(status);
    NAPI_THROW_ERROR(env, "TensorFlow recusou a função: %s", message.c_str());
    return nullptr;
  }
  TF_DeleteStatus(status);
  napi_value undefined;
  napi_get_undefined(env, &undefined);
  return undefined;
}

napi_value HasFunction(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value args[1];
  napi_status nstatus = napi_get_cb_info(env, info, &argc, args, nullptr, nullptr);
  ENSURE_NAPI_OK_RETVAL(env, nstatus, nullptr);
  if (argc < 1) {
    NAPI_THROW_ERROR(env, "hasFunction espera o nome da função");
    return nullptr;
  }
  size_t length = 0;
  nstatus = napi_get_value_string_utf8(env, args[0], nullptr, 0, &length);
  ENSURE_NAPI_OK_RETVAL(env, nstatus, nullptr);
  std::vector<char> name(length + 1);
  nstatus = napi_get_value_string_utf8(env, args[0], name.data(), name.size(), &length);
  ENSURE_NAPI_OK_RETVAL(env, nstatus, nullptr);
  TFJSBackend *backend = BackendOf(env);
  if (backend == nullptr) return nullptr;
  napi_value result;
  napi_get_boolean(env, TFE_ContextHasFunction(backend->context(), name.data()) != 0, &result);
  return result;
}

}  // namespace tfnodejs
