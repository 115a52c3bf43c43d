import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from '../base'
import type { OperationBody, OperationResult } from '../operation-types'

/** The workspace's Gap scanner settings. */
export type GapScannerSettings = OperationResult<'get-gap-scanner-settings'>
/** Body of `settings.gapScanner.preview` (optional). */
export type GapScannerPreviewParams = OperationBody<'gap-scanner-preview'>
/** Result of `settings.gapScanner.preview`. */
export type GapScannerPreview = OperationResult<'gap-scanner-preview'>
/** Result of `settings.gapScanner.scan`. */
export type GapScannerScan = OperationResult<'gap-scanner-scan'>
/** Body of `settings.gapScanner.update`. */
export type GapScannerSettingsUpdateParams = OperationBody<'update-gap-scanner-settings'>

/** Gap scanner settings of the workspace. */
export class GapScannerSettingsResource extends APIResource {
  /** Reads the Gap scanner settings. */
  get(options?: RequestOptions): Promise<WithResponseMetadata<GapScannerSettings>> {
    return this._op('get', 'settings/gap-scanner', {}, options)
  }

  /** Replaces the Gap scanner settings. */
  update(
    body: GapScannerSettingsUpdateParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<GapScannerSettings>> {
    return this._op('put', 'settings/gap-scanner', { body }, options)
  }

  /** Previews what the gap scanner would report with the given (or current) settings. */
  preview(
    body?: GapScannerPreviewParams,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<GapScannerPreview>> {
    return this._op('post', 'settings/gap-scanner/preview', { body }, options)
  }

  /** Runs a gap scan now. */
  scan(options?: RequestOptions): Promise<WithResponseMetadata<GapScannerScan>> {
    return this._op('post', 'settings/gap-scanner/scan', {}, options)
  }
}
