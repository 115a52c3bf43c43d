import { APIResource } from '../base'
import { BehaviorSettingsResource } from './behaviors'
import { BrandingSettingsResource } from './branding'
import { EnvironmentSettingsResource } from './environments'
import { GapScannerSettingsResource } from './gap-scanner'
import { MemorySettingsResource } from './memory'
import { MetricSettingsResource } from './metrics'
import { OutreachSettingsResource } from './outreach'
import { RetentionPolicyResource } from './retention'
import { ScribeSettingsResource } from './scribe'
import { SecuritySettingsResource } from './security'
import { VoiceSettingsResource } from './voice'
import { WorkflowSettingsResource } from './workflows'

/** Workspace settings, one group per area (`settings.voice`, `settings.retention`, ...). */
export class SettingsResource extends APIResource {
  /** Voice settings (voice, speed, speech providers). */
  get voice(): VoiceSettingsResource {
    return this._sub(VoiceSettingsResource)
  }
  /** Data retention policy. */
  get retention(): RetentionPolicyResource {
    return this._sub(RetentionPolicyResource)
  }
  /** Branding settings. */
  get branding(): BrandingSettingsResource {
    return this._sub(BrandingSettingsResource)
  }
  /** Outreach settings. */
  get outreach(): OutreachSettingsResource {
    return this._sub(OutreachSettingsResource)
  }
  /** Memory settings. */
  get memory(): MemorySettingsResource {
    return this._sub(MemorySettingsResource)
  }
  /** Security settings. */
  get security(): SecuritySettingsResource {
    return this._sub(SecuritySettingsResource)
  }
  /** Behavior settings. */
  get behaviors(): BehaviorSettingsResource {
    return this._sub(BehaviorSettingsResource)
  }
  /** Gap scanner settings, preview and scan. */
  get gapScanner(): GapScannerSettingsResource {
    return this._sub(GapScannerSettingsResource)
  }
  /** Scribe settings. */
  get scribe(): ScribeSettingsResource {
    return this._sub(ScribeSettingsResource)
  }
  /** Metric settings. */
  get metrics(): MetricSettingsResource {
    return this._sub(MetricSettingsResource)
  }
  /** Environment settings. */
  get environments(): EnvironmentSettingsResource {
    return this._sub(EnvironmentSettingsResource)
  }
  /** Workflow settings. */
  get workflows(): WorkflowSettingsResource {
    return this._sub(WorkflowSettingsResource)
  }
}
