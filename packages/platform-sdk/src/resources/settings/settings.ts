import { APIResource, type ResourceContext } from '../base'
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
  readonly voice: VoiceSettingsResource
  /** Data retention policy. */
  readonly retention: RetentionPolicyResource
  /** Branding settings. */
  readonly branding: BrandingSettingsResource
  /** Outreach settings. */
  readonly outreach: OutreachSettingsResource
  /** Memory settings. */
  readonly memory: MemorySettingsResource
  /** Security settings. */
  readonly security: SecuritySettingsResource
  /** Behavior settings. */
  readonly behaviors: BehaviorSettingsResource
  /** Gap scanner settings, preview and scan. */
  readonly gapScanner: GapScannerSettingsResource
  /** Scribe settings. */
  readonly scribe: ScribeSettingsResource
  /** Metric settings. */
  readonly metrics: MetricSettingsResource
  /** Environment settings. */
  readonly environments: EnvironmentSettingsResource
  /** Workflow settings. */
  readonly workflows: WorkflowSettingsResource

  /** Builds every settings group over the same context (so `withOptions` reaches all of them). */
  constructor(ctx: ResourceContext) {
    super(ctx)
    this.voice = new VoiceSettingsResource(ctx)
    this.retention = new RetentionPolicyResource(ctx)
    this.branding = new BrandingSettingsResource(ctx)
    this.outreach = new OutreachSettingsResource(ctx)
    this.memory = new MemorySettingsResource(ctx)
    this.security = new SecuritySettingsResource(ctx)
    this.behaviors = new BehaviorSettingsResource(ctx)
    this.gapScanner = new GapScannerSettingsResource(ctx)
    this.scribe = new ScribeSettingsResource(ctx)
    this.metrics = new MetricSettingsResource(ctx)
    this.environments = new EnvironmentSettingsResource(ctx)
    this.workflows = new WorkflowSettingsResource(ctx)
  }
}
