// @ts-check
/**
 * The course's edits to tfjs-node 4.22's binding sources, applied to the scratch copy that
 * tools/setup/steps/native-binding.mjs compiles: the files ./course_extensions.{h,cc} join
 * the build, TensorFlow runs with asynchronous signals deferred (`SignalsDeferred`), string
 * attributes also take lists of strings (`SetAttrStringList`), and the binding exports `addFunctionDef` / `hasFunction` (lib/src/backend/compiled-training/).
 *
 * Each edit names the exact text it expects; when tfjs-node's sources change and an anchor is
 * missing the set-up stops with a clear error instead of compiling something else.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sha256 } from "../stamps.mjs";
import { SetupError } from "../run.mjs";

const here = path.dirname(fileURLToPath(import.meta.url));
const EXTRA_FILES = ["course_extensions.h", "course_extensions.cc"];

/** @typedef {{ file: string, anchor: string, replacement: string }} SourceEdit */

/** @type {SourceEdit[]} */
const EDITS = [
  {
    file: "binding.gyp",
    anchor: "'binding/tfjs_binding.cc'",
    replacement: "'binding/tfjs_binding.cc',\n      'binding/course_extensions.cc'",
  },
  {
    file: "binding/tfjs_backend.h",
    anchor: " public:\n  ~TFJSBackend();\n",
    replacement: " public:\n  ~TFJSBackend();\n\n  // The eager context (binding/course_extensions.cc registers functions in it).\n  TFE_Context *context() const { return tfe_context_; }\n",
  },
  {
    file: "binding/tfjs_backend.cc",
    anchor: '#include "tfjs_backend.h"\n',
    replacement: '#include "tfjs_backend.h"\n#include "course_extensions.h"\n',
  },
  {
    file: "binding/tfjs_backend.cc",
    anchor: "  tfe_context_ = TFE_NewContext(tfe_options, tf_status.status);\n",
    replacement: "  {\n    SignalsDeferred deferred;\n    tfe_context_ = TFE_NewContext(tfe_options, tf_status.status);\n  }\n",
  },
  {
    file: "binding/tfjs_backend.cc",
    anchor: "  TFE_Execute(tfe_op.op, result_handles.data(), &size, tf_status.status);\n",
    replacement: "  {\n    SignalsDeferred deferred;\n    TFE_Execute(tfe_op.op, result_handles.data(), &size, tf_status.status);\n  }\n",
  },
  {
    file: "binding/tfjs_backend.cc",
    anchor: "    case TF_ATTR_STRING: {\n",
    replacement:
      "    case TF_ATTR_STRING: {\n" +
      "      if (IsArray(env, nstatus, &js_value)) {\n" +
      "        SetAttrStringList(env, tfe_op, attr_name, js_value);\n" +
      "        break;\n" +
      "      }\n",
  },
  {
    file: "binding/tfjs_backend.cc",
    anchor: "  TF_Session *session = TF_LoadSessionFromSavedModel(\n",
    replacement: "  SignalsDeferred deferred_while_loading;\n  TF_Session *session = TF_LoadSessionFromSavedModel(\n",
  },
  {
    file: "binding/tfjs_backend.cc",
    anchor: "  TF_SessionRun(savedmodel_entry->second.first, nullptr, inputs.data(),\n",
    replacement: "  SignalsDeferred deferred_while_running;\n  TF_SessionRun(savedmodel_entry->second.first, nullptr, inputs.data(),\n",
  },
  {
    file: "binding/tfjs_binding.cc",
    anchor: '#include "tfjs_backend.h"\n',
    replacement: '#include "tfjs_backend.h"\n#include "course_extensions.h"\n',
  },
  {
    file: "binding/tfjs_binding.cc",
    anchor: '      {"getNumOfTensors", nullptr, GetNumOfTensors, nullptr, nullptr,\n       nullptr, napi_default, nullptr},\n',
    replacement:
      '      {"getNumOfTensors", nullptr, GetNumOfTensors, nullptr, nullptr,\n       nullptr, napi_default, nullptr},\n' +
      '      {"addFunctionDef", nullptr, AddFunctionDef, nullptr, nullptr,\n       nullptr, napi_default, nullptr},\n' +
      '      {"hasFunction", nullptr, HasFunction, nullptr, nullptr,\n       nullptr, napi_default, nullptr},\n',
  },
];

/** A fingerprint of the course's additions (part of the binding's stamp: a change rebuilds it). */
export function bindingPatchFingerprint() {
  return sha256(...EXTRA_FILES.map((name) => fs.readFileSync(path.join(here, name), "utf8")), JSON.stringify(EDITS));
}

/**
 * Applies the edits to tfjs-node's sources copied into `folder`, and adds the extra files.
 * @param {string} folder a copy of tfjs-node's package.json, binding.gyp and binding/
 */
export function patchBindingSources(folder) {
  for (const edit of EDITS) {
    const file = path.join(folder, edit.file);
    const text = fs.readFileSync(file, "utf8");
    const at = text.indexOf(edit.anchor);
    if (at < 0 || text.indexOf(edit.anchor, at + 1) >= 0) {
      throw new SetupError(
        "as fontes do binding do tfjs-node não são as esperadas",
        `esperava encontrar uma vez em ${edit.file}: ${JSON.stringify(edit.anchor.trim())}.`,
        "confira se o @tensorflow/tfjs-node instalado é a versão do package.json (`npm ci`) e rode `npm run setup -- --force`.",
      );
    }
    fs.writeFileSync(file, text.slice(0, at) + edit.replacement + text.slice(at + edit.anchor.length));
  }
  for (const name of EXTRA_FILES) {
    fs.copyFileSync(path.join(here, name), path.join(folder, "binding", name));
  }
}
