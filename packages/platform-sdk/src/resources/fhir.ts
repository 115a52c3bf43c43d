import type { RequestOptions, WithResponseMetadata } from '@amigo-ai/core'
import { APIResource } from './base'
import type {
  AutoPagingParams,
  OperationBody,
  OperationQuery,
  OperationResult,
  PageItem,
} from './operation-types'

/** Raw FHIR resources by type. */
export class FhirResourcesResource extends APIResource {
  /** Searches FHIR resources of one type (`GET /fhir/resources/{resource_type}`). */
  search(
    resourceType: string,
    params?: OperationQuery<'fhir-search-resources'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'fhir-search-resources'>>> {
    return this._op('get', 'fhir/resources/{resource_type}', { path: [resourceType], query: params }, options)
  }

  /** Creates a FHIR resource (`POST /fhir/resources/{resource_type}`). */
  create(
    resourceType: string,
    body: OperationBody<'fhir-create-resource'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'fhir-create-resource'>>> {
    return this._op('post', 'fhir/resources/{resource_type}', { path: [resourceType], body }, options)
  }

  /** Fetches one FHIR resource (`GET /fhir/resources/{resource_type}/{resource_id}`). */
  get(
    resourceType: string,
    resourceId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'fhir-get-resource'>>> {
    return this._op(
      'get',
      'fhir/resources/{resource_type}/{resource_id}',
      { path: [resourceType, resourceId] },
      options,
    )
  }

  /** Replaces a FHIR resource (`PUT /fhir/resources/{resource_type}/{resource_id}`). */
  update(
    resourceType: string,
    resourceId: string,
    body: OperationBody<'fhir-update-resource'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'fhir-update-resource'>>> {
    return this._op(
      'put',
      'fhir/resources/{resource_type}/{resource_id}',
      { path: [resourceType, resourceId], body },
      options,
    )
  }

  /** Version history of a FHIR resource, one page (`GET /fhir/resources/{resource_type}/{resource_id}/history`); `params` goes beyond the official SDK, which sends no query here. */
  getHistory(
    resourceType: string,
    resourceId: string,
    params?: OperationQuery<'fhir-get-resource-history'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'fhir-get-resource-history'>>> {
    return this._op(
      'get',
      'fhir/resources/{resource_type}/{resource_id}/history',
      { path: [resourceType, resourceId], query: params },
      options,
    )
  }

  /** Iterates over every item of `resources.getHistory`, fetching pages as needed (not in the official SDK). */
  getHistoryAutoPaging(
    resourceType: string,
    resourceId: string,
    params?: AutoPagingParams<OperationQuery<'fhir-get-resource-history'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'fhir-get-resource-history'>, 'entries'>> {
    return this._autoPage(
      (query) => this.getHistory(resourceType, resourceId, query, options),
      params,
      50,
      'entries',
    )
  }
}

/** Flattened, searchable views over FHIR data. */
export class FhirViewsResource extends APIResource {
  /** Patients, flattened, one page (`GET /fhir/views/patients`). */
  patients(
    params?: OperationQuery<'fhir-patients-view'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'fhir-patients-view'>>> {
    return this._op('get', 'fhir/views/patients', { query: params }, options)
  }

  /** Iterates over every item of `views.patients`, fetching pages as needed (not in the official SDK). */
  patientsAutoPaging(
    params?: AutoPagingParams<OperationQuery<'fhir-patients-view'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'fhir-patients-view'>, 'patients'>> {
    return this._autoPage((query) => this.patients(query, options), params, 100, 'patients')
  }

  /** Appointments, flattened, one page (`GET /fhir/views/appointments`). */
  appointments(
    params?: OperationQuery<'fhir-appointments-view'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'fhir-appointments-view'>>> {
    return this._op('get', 'fhir/views/appointments', { query: params }, options)
  }

  /** Iterates over every item of `views.appointments`, fetching pages as needed (not in the official SDK). */
  appointmentsAutoPaging(
    params?: AutoPagingParams<OperationQuery<'fhir-appointments-view'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'fhir-appointments-view'>, 'appointments'>> {
    return this._autoPage((query) => this.appointments(query, options), params, 100, 'appointments')
  }

  /** Practitioners, flattened, one page (`GET /fhir/views/practitioners`). */
  practitioners(
    params?: OperationQuery<'fhir-practitioners-view'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'fhir-practitioners-view'>>> {
    return this._op('get', 'fhir/views/practitioners', { query: params }, options)
  }

  /** Iterates over every item of `views.practitioners`, fetching pages as needed (not in the official SDK). */
  practitionersAutoPaging(
    params?: AutoPagingParams<OperationQuery<'fhir-practitioners-view'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'fhir-practitioners-view'>, 'practitioners'>> {
    return this._autoPage((query) => this.practitioners(query, options), params, 100, 'practitioners')
  }

  /** Organizations, flattened, one page (`GET /fhir/views/organizations`). */
  organizations(
    params?: OperationQuery<'fhir-organizations-view'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'fhir-organizations-view'>>> {
    return this._op('get', 'fhir/views/organizations', { query: params }, options)
  }

  /** Iterates over every item of `views.organizations`, fetching pages as needed (not in the official SDK). */
  organizationsAutoPaging(
    params?: AutoPagingParams<OperationQuery<'fhir-organizations-view'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'fhir-organizations-view'>, 'organizations'>> {
    return this._autoPage((query) => this.organizations(query, options), params, 100, 'organizations')
  }

  /** Locations, flattened, one page (`GET /fhir/views/locations`). */
  locations(
    params?: OperationQuery<'fhir-locations-view'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'fhir-locations-view'>>> {
    return this._op('get', 'fhir/views/locations', { query: params }, options)
  }

  /** Iterates over every item of `views.locations`, fetching pages as needed (not in the official SDK). */
  locationsAutoPaging(
    params?: AutoPagingParams<OperationQuery<'fhir-locations-view'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'fhir-locations-view'>, 'locations'>> {
    return this._autoPage((query) => this.locations(query, options), params, 100, 'locations')
  }

  /** Appointment slots, flattened, one page (`GET /fhir/views/slots`). */
  slots(
    params?: OperationQuery<'fhir-slots-view'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'fhir-slots-view'>>> {
    return this._op('get', 'fhir/views/slots', { query: params }, options)
  }

  /** Iterates over every item of `views.slots`, fetching pages as needed (not in the official SDK). */
  slotsAutoPaging(
    params?: AutoPagingParams<OperationQuery<'fhir-slots-view'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'fhir-slots-view'>, 'slots'>> {
    return this._autoPage((query) => this.slots(query, options), params, 100, 'slots')
  }
}

/** FHIR: the clinical data store (status, import, patients, resources and views). */
export class FhirResource extends APIResource {
  /** Raw FHIR resources by type. */
  get resources(): FhirResourcesResource {
    return this._sub(FhirResourcesResource)
  }

  /** Flattened, searchable views over FHIR data. */
  get views(): FhirViewsResource {
    return this._sub(FhirViewsResource)
  }

  /** Status of the FHIR store (`GET /fhir/status`). */
  getStatus(options?: RequestOptions): Promise<WithResponseMetadata<OperationResult<'fhir-status'>>> {
    return this._op('get', 'fhir/status', {}, options)
  }

  /** Recent FHIR sync failures (`GET /fhir/sync-failures`). */
  getSyncFailures(
    params?: OperationQuery<'fhir-sync-failures'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'fhir-sync-failures'>>> {
    return this._op('get', 'fhir/sync-failures', { query: params }, options)
  }

  /** Imports a FHIR bundle (`POST /fhir/import`). */
  import(
    body: OperationBody<'fhir-import'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'fhir-import'>>> {
    return this._op('post', 'fhir/import', { body }, options)
  }

  /** Searches patients, one page (`GET /fhir/patients`). */
  searchPatients(
    params?: OperationQuery<'fhir-patient-search'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'fhir-patient-search'>>> {
    return this._op('get', 'fhir/patients', { query: params }, options)
  }

  /** Iterates over every item of `searchPatients`, fetching pages as needed (not in the official SDK). */
  searchPatientsAutoPaging(
    params?: AutoPagingParams<OperationQuery<'fhir-patient-search'>>,
    options?: RequestOptions,
  ): AsyncIterableIterator<PageItem<OperationResult<'fhir-patient-search'>, 'patients'>> {
    return this._autoPage((query) => this.searchPatients(query, options), params, 100, 'patients')
  }

  /** Clinical summary of a patient (`GET /fhir/patients/{patient_id}/summary`). */
  getPatientSummary(
    patientId: string,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'fhir-patient-summary'>>> {
    return this._op('get', 'fhir/patients/{patient_id}/summary', { path: [patientId] }, options)
  }

  /** Clinical timeline of a patient (`GET /fhir/patients/{patient_id}/timeline`); `params` goes beyond the official SDK, which sends no query here. */
  getPatientTimeline(
    patientId: string,
    params?: OperationQuery<'fhir-patient-timeline'>,
    options?: RequestOptions,
  ): Promise<WithResponseMetadata<OperationResult<'fhir-patient-timeline'>>> {
    return this._op(
      'get',
      'fhir/patients/{patient_id}/timeline',
      { path: [patientId], query: params },
      options,
    )
  }
}
