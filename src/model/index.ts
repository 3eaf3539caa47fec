/**
 * The model stage: the LSTM autoencoder (its spec, the engine that trains it, the compute providers and
 * kernels underneath) and the tabular dense autoencoder. The only module other stages import from `model/`.
 */

export { Autoencoder, BatchCallback, EpochRecord, NamedWeight } from './autoencoder';
export { COMPUTE_KINDS, ComputeKind } from './compute/factory';
export { CreateOptions, createAutoencoder } from './create';
export { createAerModel } from './create-aer';
export {
  DenseAutoencoder,
  DenseAutoencoderJson,
  DenseAutoencoderSpec,
  DenseTrainOptions,
  DenseWeightJson,
  LayerRow,
} from './dense/dense-autoencoder';
export { AerModel } from './engine/aer-model';
export { AerSpec, aerParameterCount, aerWeightShapes } from './engine/aer-params';
export { weightShapes } from './engine/init';
export { capWorkers } from './engine/parallel/pool';
export { nativeKernelsStatus } from './kernels';
export { buildLayersModel } from './reference/layers-reference';
export {
  AutoencoderSpec,
  DEFAULT_SPEC,
  LossKind,
  lstmParameters,
  lstmSizes,
  parameterCount,
  resolveSpec,
  SPEC_OPTION_DEFS,
} from './spec';
