/**
 * Importing this module makes current Node.js versions fit for TensorFlow.js
 * (`./node-compat`), then chooses, loads and announces TensorFlow.js's backend
 * (`loadTensorFlowOnce`). `../tf.ts` imports it before re-exporting
 * `@tensorflow/tfjs-node`: module specifiers are evaluated in source order, so by then a
 * fallback to `cpu` has already put the pure-JS module in tfjs-node's place.
 */
import "./node-compat";
import { loadTensorFlowOnce } from "./tensorflow-runtime";

loadTensorFlowOnce();
