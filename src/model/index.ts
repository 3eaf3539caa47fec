/**
 * The model stage: the LSTM autoencoder (its spec, the engine that trains it, the compute providers and
 * kernels underneath) and the tabular dense autoencoder. The only module other stages import from `model/`.
 */
export { AutoencoderSpec, DEFAULT_SPEC, LossKind, lstmParameters, lstmSizes, parameterCount, resolveSpec, SPEC_OPTION_DEFS } from './spec';
export { Autoencoder, BatchCallback, EpochRecord, NamedWeight } from './autoencoder';
export { createAutoencoder, CreateOptions } from './create';
export { COMPUTE_KINDS, ComputeKind } from './compute/factory';
export { DenseAutoencoder, DenseAutoencoderSpec, DenseTrainOptions, LayerRow } from './dense/dense-autoencoder';
export { buildLayersModel } from './reference/layers-reference';
export { nativeKernelsStatus } from './kernels';
