/** The image processor the upload routes use: the one given (tests), else sharp. */
import type { ImageProcessor } from '../../app/images/image-processor.ts';
import { sharpProcessor } from '../../images/sharp-processor.ts';
import type { AppDeps } from '../deps.ts';

let shared: ImageProcessor | undefined;

export function imageDeps(deps: AppDeps): AppDeps & { images: ImageProcessor } {
  shared ??= sharpProcessor();
  return { ...deps, images: deps.images ?? shared };
}
