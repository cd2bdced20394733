/**
 * Generated from the API's OpenAPI document (/docs/openapi.json) by `npm run api:client`; do not edit.
 * The response schemas come from the response classes in apps/api/src/<area>/dto/.
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Without a token: { status: up } (200) or { status: down } (503). With a token: also store kind and head position, loaded blueprints, projection lag, the timer scheduler (state, due, oldest due, last error) */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blueprints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every blueprint with its published versions */
        get: operations["BlueprintsController_list"];
        put?: never;
        /**
         * Publish a blueprint version (process owners and admins)
         * @description Runs every start-up check (the file, business calendars, conversion targets, the versions already published) and answers 400 INVALID_BLUEPRINT with every problem and its path, storing nothing; else stores the version and new records of its kind open under it at once. The same content again is a no-op.
         */
        post: operations["BlueprintsController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blueprints/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A blueprint definition (latest or ?version=N), its versions and a Mermaid diagram */
        get: operations["BlueprintsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blueprints/{id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every published version with the records pinned to it now (all, live, by stage), from the records read model */
        get: operations["BlueprintsController_versions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blueprints/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What changed between two published versions: stages, transitions, criteria, fields (JSON and text) */
        get: operations["BlueprintsController_diff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blueprints/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The blueprint as an XState machine (JSON, for the Stately visualizer) or a Mermaid diagram with criteria and roles on the edges */
        get: operations["BlueprintsController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blueprints/{id}/draft": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The latest draft (process owners and admins) */
        get: operations["BlueprintsController_draft"];
        /** Save a draft (process owners and admins): stored with what publishing it would be refused for, never used to decide */
        put: operations["BlueprintsController_saveDraft"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blueprints/{id}/migrations/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Plan moving the live records of one version to another (process owners and admins); stores nothing
         * @description From the records read model: each live record with its target stage (the stage map’s, else the same id), the target stage’s criteria it would break, and records in removed stages.
         */
        post: operations["BlueprintsController_planMigration"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blueprints/{id}/migrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Migrate the live records of one version to another (process owners and admins)
         * @description One RecordMigrated { from, to, stageMap, actor, reason } per record through the command handler; a record that would break the target stage’s criteria is refused (records[].error) unless force with a reason. Undo: migrate back with the reverse stage map. The same request again stores nothing new.
         */
        post: operations["BlueprintsController_migrate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/blueprints/{id}/what-if": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay the recorded history of the blueprint’s records against a draft (process owners and admins); stores nothing
         * @description The same report as crm blueprint what-if --json: the recorded moves the draft would have refused (every unmet criterion, counted by rule), the records it would have left in another stage, and per stage of the draft how many records reached it as recorded and under the draft. from/to: records opened in that window. A draft that does not parse or check is 400 INVALID_BLUEPRINT with every problem and its path.
         */
        post: operations["BlueprintsController_whatIf"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/{kind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List records of a kind from the records read model: filters, as of a business time, paginated by cursor
         * @description Lists what the user may read: a rep their own records and the unowned leads, a manager their team's and unowned records, analysts, process owners and admins everything. Eventually consistent: a write shows within a second.
         */
        get: operations["RecordsController_list"];
        put?: never;
        /** Open a record in its blueprint’s initial stage */
        post: operations["RecordsController_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/{kind}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A record with every possible next event, allowed or not, and what blocks it */
        get: operations["RecordsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change field values */
        patch: operations["RecordsController_update"];
        trace?: never;
    };
    "/records/{kind}/{id}/transitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Fire a transition; 422 lists every unmet exit criterion
         * @description When the transition needs approvers, the answer is 202: the ApprovalRequested event and the record with the pending approval; the transition fires when the chain completes.
         */
        post: operations["RecordsController_advance"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/{kind}/{id}/tasks/{taskId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a task of the record done (the owner, or whoever may change the record) */
        post: operations["RecordsController_completeTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/{kind}/{id}/approvals/{approvalId}/grant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Grant your step of an approval chain; the last grant fires the transition (403 for your own request or another approver’s step) */
        post: operations["RecordsController_grantApproval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/{kind}/{id}/approvals/{approvalId}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject the approval with a reason; the record stays in its stage */
        post: operations["RecordsController_rejectApproval"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/{kind}/{id}/owner": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reassign the record (managers; reps may claim unowned leads) */
        post: operations["RecordsController_reassign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/{kind}/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The record’s events with their metadata (who, when, why) */
        get: operations["RecordsController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/{kind}/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim an unowned lead of your team’s pool (or everyone’s): 422 CLAIM_CAP_REACHED over the pool’s cap, CLAIM_COOLDOWN too soon after you lost it
         * @description Only leads have a pool. Two claims of one lead at once: one wins, the other finds it owned (409 LEAD_NOT_IN_POOL, or 404 when the claimer may not read the winner’s lead).
         */
        post: operations["LeadPoolController_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/{kind}/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a lead back to the pool of its owner’s team, saying why (the owner, their manager or an admin) */
        post: operations["LeadPoolController_release"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tasks of a user (default you): open, overdue (open and past due, as of now), done or all; soonest due first, paginated by cursor
         * @description Only tasks of records the user may read, as in GET /records: a rep their own records and the lead pool, a manager their team's and unowned records, analysts, process owners and admins everything. Done with POST /records/:kind/:id/tasks/:taskId/complete. From the tasks read model, updated within a second of a write.
         */
        get: operations["TasksController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Approval requests waiting for you: a step you may decide now (your role, or you by name), never your own request; oldest first
         * @description Only requests on records you may read, as in GET /records (an approver must be able to read the record). Decided with POST /records/:kind/:id/approvals/:approvalId/grant|reject. From the approvals read model, updated within a second of a write.
         */
        get: operations["ApprovalsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pipeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open deals as of a business time: count, amount, weighted amount and age in stage by stage and owner, by stage, by stage and team; stalled deals
         * @description Every authenticated user may read the numbers. The stalled deals are those the user may read, as in GET /records (judged on their current owners, also with asOf). From the pipeline read model, updated within a second of a write.
         */
        get: operations["PipelineController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Forecast per period and owner, team or total: closed won/lost, commit, best case, pipeline, weighted pipeline, quota attainment
         * @description Every authenticated user may read it. A deal counts in the period of its closeDate.
         */
        get: operations["ForecastController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forecast/accuracy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Forecast accuracy: the snapshot taken as of each period start against the closed won reported for the period now
         * @description Every authenticated user may read it. Only snapshots as of a period start count.
         */
        get: operations["ForecastController_accuracy"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/forecast/snapshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a forecast snapshot on demand (managers, analysts, admins — rule manager-analyst-or-admin)
         * @description As of asOf (default now; never in the future) for the period containing it, or the given period. Snapshots are never retaken.
         */
        post: operations["ForecastController_takeSnapshot"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/funnel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Funnel of the records opened in [from, to) as known at asOf: entered, advanced, lost, won, conversion and win rates, time in stage, lost reasons
         * @description Every authenticated user may read it. It groups only by cohort, owner, team and the fields the blueprint declares groupable, never by free text, emails or phones. asOf defaults to everything stored.
         */
        get: operations["FunnelController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/analytics/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Sales metrics of one period as of a business time: win rate, sales cycle, time in stage, deal size, velocity, coverage, aging, slippage, forecast accuracy, reconciliation
         * @description Every authenticated user may read the figures (as the pipeline’s). Grouped by one declared dimension (by) and filtered by any (owner, team, region, product, source, account, blueprintVersion, outcome, origin, cohort). format=csv answers text/csv, one figure a line: period,asOf,group,metric,part,value. Definitions: README, Sales analytics.
         */
        get: operations["AnalyticsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/analytics/sales/explain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Explain a figure: the deals behind it and the events that moved them, as of the same moment
         * @description The deals the user may read (as GET /records: judged on their current owners) with what each counts as and its events up to asOf; hidden counts the others. metric names the figure (also pipeline and forecast); stage, bucket, category, column and group narrow it.
         */
        get: operations["AnalyticsController_explain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every projection: state (catching_up, live, rebuilding, failed, stopped), checkpoint, events applied, lag behind the head
         * @description Every authenticated user may read it.
         */
        get: operations["ProjectionsController_status"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/projections/{name}/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rebuild one projection from the whole log into fresh tables, then swap them in (analysts and admins — rule analyst-or-admin)
         * @description Answers when the swap is done; queries read the old tables meanwhile. 404 for an unknown projection.
         */
        post: operations["ProjectionsController_rebuild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/leads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take in leads from a web form or a batch, deduplicated by the lead match rules
         * @description Authenticated by an intake key in X-Intake-Key (not a bearer token); each key has a rate (429 with Retry-After past it). A lead that matches a kept one merges into it (LeadMerged naming the rule); a near match opens a review task. The whole request is checked before any lead is stored.
         */
        post: operations["IntakeController_take"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every intake key, revoked ones too, without secrets (admins) */
        get: operations["IntakeController_listKeys"];
        put?: never;
        /** Create an intake key for a source (admins); the key is shown in this answer only */
        post: operations["IntakeController_createKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/intake/keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an intake key (admins): its requests answer 401 from now on */
        delete: operations["IntakeController_revokeKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/lead/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge another lead into this one by hand: it is closed as merged, this lead takes the fields it lacks (LeadMerged, rule manual) */
        post: operations["IntakeController_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/lead/{id}/split": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Undo a manual merge: the merged lead is open again, this lead gives back the fields the merge filled and nobody changed since */
        post: operations["IntakeController_split"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user}/absences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The user’s absences in force */
        get: operations["AbsencesController_list"];
        put?: never;
        /** Record that a user is away between two moments (AbsenceDeclared); no lead is assigned to them meanwhile */
        post: operations["AbsencesController_declare"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/users/{user}/absences/{absenceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel an absence (AbsenceCancelled); answers the absences still in force. Cancelling it again changes nothing */
        delete: operations["AbsencesController_cancel"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The payment system's webhook: a payment received for an order
         * @description Signed, not authenticated by a token: X-Payment-Signature is sha256=<hex HMAC-SHA256 of the raw body> with the payments secret. Idempotent by the payment id. A payment above the balance, in another currency, or for an order not invoiced is refused (422/409) and nothing is stored.
         */
        post: operations["OrdersController_recordPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/quote/{id}/acceptance-link": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A signed, expiring, single-use link for the customer of a sent quote to accept it */
        post: operations["OrdersController_issueAcceptanceLink"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/quote-acceptance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The customer accepts a quote with the token of its acceptance link (once, before it expires) */
        post: operations["OrdersController_acceptQuote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/{kind}/{id}/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A quote version’s priced lines (default the current one), and every version the quote has had */
        get: operations["QuotesController_lines"];
        /**
         * Set a draft quote’s lines, priced from a price book version (pinned on the quote) with tax from the rate table
         * @description Amounts in integer minor units; total, discount (effective) and currency follow into the quote’s fields. 400 names a bad line (lines[1].quantity); 422 UNKNOWN_SKU, UNKNOWN_PRICE_BOOK, PRICE_BOOK_EXPIRED, UNKNOWN_TAX_REGION; 409 QUOTE_NOT_EDITABLE outside the first stage. Nothing is stored on a refusal.
         */
        put: operations["QuotesController_price"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/{kind}/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The quote document: HTML (the contract) or a PDF printed from it by headless Chromium
         * @description A sent version renders the very bytes QuoteSent.documentHash names (in the locale it was sent in); the X-Document-Hash header carries that hash. 503 DOCUMENT_PRINTER_UNAVAILABLE for a PDF without Chromium.
         */
        get: operations["QuotesController_document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Products, every price book version (filter by currency and segment), tax and exchange rates */
        get: operations["CatalogController_catalog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/records/{kind}/{id}/activities": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an activity of the record (an email opened, a demo requested): ActivityRecorded, and ScoreChanged naming the rule and its points
         * @description The type must be one of the blueprint’s behaviour rules (400 UNKNOWN_ACTIVITY lists them). Whoever may change the record may record its activities. A score that crosses a threshold fires its transition shortly after, by the lead-scoring reactor, through the same guards.
         */
        post: operations["ActivitiesController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Your notifications, newest first: reminders, escalations, approvals asked and decided, tasks and records given to you, stalled records
         * @description Only your own. From the notifications read model: a notification shows within a second of its cause.
         */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark every unread notification of yours read */
        post: operations["NotificationsController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark one of your notifications read; marking it again changes nothing
         * @description Another user’s notification is not found (404).
         */
        post: operations["NotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every webhook subscription with its deliveries counted by status; never a secret
         * @description Admins only (rule admin-only).
         */
        get: operations["WebhooksController_list"];
        put?: never;
        /**
         * Subscribe a URL to record events and notifications; the answer holds the signing secret, shown this once
         * @description Admins only (rule admin-only). Events stored from now on that it names are POSTed, signed with X-CRM-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>.
         */
        post: operations["WebhooksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Deliveries whose every attempt failed, newest first; replay them with POST /webhooks/deliveries/:id/replay
         * @description Admins only (rule admin-only).
         */
        get: operations["WebhooksController_deadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/deliveries/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a dead letter again: a new series of attempts, the first due now
         * @description Admins only (rule admin-only). 409 unless it is a dead letter.
         */
        post: operations["WebhooksController_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a subscription: nothing more is delivered to it; deleting again changes nothing
         * @description Admins only (rule admin-only).
         */
        delete: operations["WebhooksController_delete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The delivery log of a subscription, newest first: each delivery with every attempt, its status, error and next due time
         * @description Admins only (rule admin-only).
         */
        get: operations["WebhooksController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description 400: The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
        BadRequestError: {
            /**
             * @description A stable code
             * @enum {string}
             */
            error: "BAD_REQUEST" | "INVALID_ABSENCE" | "INVALID_APPEND" | "INVALID_BLUEPRINT" | "INVALID_COMMAND" | "INVALID_FIELDS" | "INVALID_INTAKE" | "INVALID_INTAKE_KEY" | "INVALID_MERGE" | "INVALID_PAYMENT" | "INVALID_QUERY" | "INVALID_REFERENCE_DATA" | "INVALID_WEBHOOK" | "MALFORMED_JSON" | "MALFORMED_REQUEST" | "MALFORMED_URL" | "UNKNOWN_ACTIVITY" | "UNKNOWN_EVENT" | "VALIDATION_FAILED";
            /** @description What went wrong, for a person */
            message: string;
            /** @description What the code needs to be acted on, e.g. details.invalid for VALIDATION_FAILED, details.unmet for TRANSITION_REFUSED; {} when nothing */
            details: {
                [key: string]: unknown;
            };
        };
        /** @description 401: No, a malformed, expired or forged token, or an unknown user */
        UnauthenticatedError: {
            /**
             * @description A stable code
             * @enum {string}
             */
            error: "ACCEPTANCE_LINK_INVALID" | "INTAKE_KEY_INVALID" | "PAYMENT_SIGNATURE_INVALID" | "UNAUTHENTICATED";
            /** @description What went wrong, for a person */
            message: string;
            /** @description What the code needs to be acted on, e.g. details.invalid for VALIDATION_FAILED, details.unmet for TRANSITION_REFUSED; {} when nothing */
            details: {
                [key: string]: unknown;
            };
        };
        /** @description Every error the API answers has this body; nothing is stored for a request that fails */
        ErrorBody: {
            /** @description A stable code, e.g. VALIDATION_FAILED */
            error: string;
            /** @description What went wrong, for a person */
            message: string;
            /** @description What the code needs to be acted on, e.g. details.invalid for VALIDATION_FAILED, details.unmet for TRANSITION_REFUSED; {} when nothing */
            details: {
                [key: string]: unknown;
            };
        };
        /** @description Pins the exact blueprint version a record was opened under */
        BlueprintRef: {
            /**
             * @description Blueprint id
             * @example opportunity
             */
            id: string;
            /** @description Published version */
            version: number;
            /** @description sha256 (hex) of the canonical definition */
            contentHash: string;
        };
        BlueprintSummary: {
            /** @description Blueprint id */
            id: string;
            /** @description Record kind it governs */
            kind: string;
            /** @description Title */
            title: string;
            /** @description The newest published version */
            latestVersion: number;
            /** @description Every published version, oldest first */
            versions: components["schemas"]["BlueprintRef"][];
        };
        /** @description 503: The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
        UnavailableError: {
            /**
             * @description A stable code
             * @enum {string}
             */
            error: "ACCESS_DENIED" | "CLOSED" | "DOCUMENT_PRINTER_UNAVAILABLE" | "HTTP_ERROR" | "INVALID_POSITION" | "NOT_BUILT" | "REACTORS_BEHIND" | "READ_MODEL_UNAVAILABLE" | "STOPPED" | "UNAVAILABLE" | "UNKNOWN_SCHEMA_VERSION";
            /** @description What went wrong, for a person */
            message: string;
            /** @description What the code needs to be acted on, e.g. details.invalid for VALIDATION_FAILED, details.unmet for TRANSITION_REFUSED; {} when nothing */
            details: {
                [key: string]: unknown;
            };
        };
        BlueprintSourceRequest: {
            /**
             * @description The blueprint YAML (README, Blueprint reference)
             * @example id: opportunity
             *     version: 4
             *     …
             */
            source: string;
        };
        PublishedBlueprint: {
            /** @description The version published (or already published with this content) */
            ref: components["schemas"]["BlueprintRef"];
            /** @description Every published version, oldest first */
            versions: components["schemas"]["BlueprintRef"][];
        };
        /** @description 403: A role rule forbids it; details.rule names the rule */
        ForbiddenError: {
            /**
             * @description A stable code
             * @enum {string}
             */
            error: "FORBIDDEN";
            /** @description What went wrong, for a person */
            message: string;
            /** @description What the code needs to be acted on, e.g. details.invalid for VALIDATION_FAILED, details.unmet for TRANSITION_REFUSED; {} when nothing */
            details: {
                [key: string]: unknown;
            };
        };
        /** @description 409: A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
        ConflictError: {
            /**
             * @description A stable code
             * @enum {string}
             */
            error: "APPROVAL_CLOSED" | "BLUEPRINT_VERSION_CONFLICT" | "CHECKPOINT_MOVED" | "CONCURRENCY_CONFLICT" | "CONFLICT" | "CONVERSION_IN_PROGRESS" | "CONVERSION_REQUIRED" | "DELIVERY_NOT_REPLAYABLE" | "DUPLICATE_EVENT_ID" | "DUPLICATE_LEAD" | "LEAD_ALREADY_IN_POOL" | "LEAD_MERGED" | "LEAD_NOT_IN_POOL" | "ORDER_NOT_PAYABLE" | "PAYMENT_ID_REUSED" | "QUOTE_NOT_EDITABLE" | "QUOTE_NOT_SENT" | "RECORD_ALREADY_EXISTS" | "TASK_CLOSED" | "WRONG_EXPECTED_REVISION";
            /** @description What went wrong, for a person */
            message: string;
            /** @description What the code needs to be acted on, e.g. details.invalid for VALIDATION_FAILED, details.unmet for TRANSITION_REFUSED; {} when nothing */
            details: {
                [key: string]: unknown;
            };
        };
        /** @description 413: The JSON body is larger than 1 MiB */
        PayloadTooLargeError: {
            /**
             * @description A stable code
             * @enum {string}
             */
            error: "PAYLOAD_TOO_LARGE";
            /** @description What went wrong, for a person */
            message: string;
            /** @description What the code needs to be acted on, e.g. details.invalid for VALIDATION_FAILED, details.unmet for TRANSITION_REFUSED; {} when nothing */
            details: {
                [key: string]: unknown;
            };
        };
        /** @description 415: The body is neither application/json nor text/plain */
        UnsupportedMediaTypeError: {
            /**
             * @description A stable code
             * @enum {string}
             */
            error: "UNSUPPORTED_MEDIA_TYPE";
            /** @description What went wrong, for a person */
            message: string;
            /** @description What the code needs to be acted on, e.g. details.invalid for VALIDATION_FAILED, details.unmet for TRANSITION_REFUSED; {} when nothing */
            details: {
                [key: string]: unknown;
            };
        };
        FieldDefinition: {
            /** @description Field name, as in record fields and CEL expressions */
            name: string;
            /**
             * @description Value type
             * @enum {string}
             */
            type: "string" | "text" | "number" | "money" | "date" | "boolean" | "email" | "phone" | "enum" | "reference";
            /** @description Label for people */
            label: string;
            description?: string;
            /** @description enum fields: the allowed values */
            values?: string[];
            /** @description reference fields: the record kind referred to */
            to?: string;
            /** @description As declared: whether reports may group records by the field */
            groupable?: boolean;
            /** @description number fields: the smallest value allowed */
            min?: number;
            /** @description number fields: the largest value allowed */
            max?: number;
        };
        /** @description A task opened each time its stage is entered */
        TaskTemplate: {
            /**
             * @description Stable id within the blueprint
             * @example send_proposal
             */
            id: string;
            /** @description What to do */
            title: string;
            /** @description Due this many days after the stage is entered */
            dueInDays?: number;
            /**
             * @description The task stays open when the record leaves its stage (until done, or the record closes)
             * @enum {boolean}
             */
            keepOpen?: true;
        };
        /** @description A moment relative to a date field: that day’s start, plus or minus a duration */
        TimerAnchor: {
            /**
             * @description The date field
             * @example validUntil
             */
            field: string;
            /** @description Signed ISO-8601 duration, e.g. P1D or -P90D; absent: the day itself */
            offset?: string;
        };
        /** @description What a timer does when due: remind, escalate, stalled, release, or fire an event; decay: a pending scoring timer (README, Blueprint reference, Scoring), never declared in a stage */
        TimerAction: {
            /** @enum {string} */
            kind: "remind" | "escalate" | "stalled" | "release" | "fire" | "decay";
            /** @description fire: the blueprint event */
            event?: string;
        };
        /** @description A timer of a stage: set on entering it, cancelled on leaving it */
        TimerDefinition: {
            /**
             * @description Unique within the blueprint
             * @example remind_uncontacted
             */
            id: string;
            /** @description ISO-8601 duration from entering the stage, e.g. PT4H */
            after?: string;
            /** @description Due at a date field’s day instead */
            at?: components["schemas"]["TimerAnchor"];
            /** @description A business calendar id, or team (the owner’s team’s); absent: plain time, UTC */
            calendar?: string;
            then: components["schemas"]["TimerAction"];
            /** @description Told with a reminder or escalation; the reason recorded on a release */
            message?: string;
        };
        StageDefinition: {
            /**
             * @description Stage id
             * @example qualification
             */
            id: string;
            /** @description Stage title */
            title: string;
            /** @description Position in the lifecycle */
            order: number;
            /** @description Win probability in percent */
            probability: number;
            /**
             * @description Where the forecast counts open deals in this stage
             * @enum {string}
             */
            forecastCategory: "pipeline" | "best_case" | "commit" | "closed" | "omitted";
            /**
             * @description won and lost stages are final
             * @enum {string}
             */
            outcome: "won" | "lost" | "none";
            /** @description A final stage has no way out */
            final: boolean;
            /** @description Tasks opened on entering the stage */
            entryTasks: components["schemas"]["TaskTemplate"][];
            /** @description Timers set on entering the stage; absent when it has none */
            timers?: components["schemas"]["TimerDefinition"][];
        };
        ExpressionCriterion: {
            /**
             * @description CEL over field names
             * @example amount > 0
             */
            expression: string;
            /** @description What the rep is told when it is false */
            message: string;
            /**
             * @description Kept: it must stay true in the target stage and later ones (an invariant)
             * @enum {boolean}
             */
            keep?: true;
        };
        ExitCriteria: {
            /** @description Fields that must hold a value after the supplied fields are applied */
            requires: string[];
            expressions: components["schemas"]["ExpressionCriterion"][];
            /** @description When present, the actor needs one of these roles */
            roles?: string[];
            /** @description Only the record owner may fire the transition */
            ownerOnly: boolean;
            /** @description Entry task templates that must be done first (one completed, none open); absent when none */
            requiresTasks?: string[];
        };
        /** @description One approver of a chain: a role or a named user, needed when its condition holds */
        ApprovalStepDefinition: {
            /**
             * @description Who is asked, for people
             * @example Sales manager
             */
            title: string;
            /** @description The role that may decide the step */
            role?: string;
            /** @description The user who may decide the step */
            user?: string;
            /**
             * @description CEL over the fields; absent: the step is always needed
             * @example discount >= 0.2
             */
            when?: string;
        };
        /** @description Who must approve a transition before it happens */
        ApprovalDefinition: {
            /**
             * @description sequential: in order; all: every step in any order; any: one of them
             * @enum {string}
             */
            mode: "sequential" | "all" | "any";
            steps: components["schemas"]["ApprovalStepDefinition"][];
        };
        TransitionDefinition: {
            /**
             * @description The event a rep fires
             * @example analyze_needs
             */
            event: string;
            /** @description Transition title */
            title: string;
            /** @description Source stages (any-open expanded to every non-final stage) */
            from: string[];
            /** @description Target stage */
            to: string;
            criteria: components["schemas"]["ExitCriteria"];
            /** @description Fields the actor must supply with this very transition */
            supply: string[];
            /** @description Who must approve before it happens; absent when nobody */
            approval?: components["schemas"]["ApprovalDefinition"];
        };
        /** @description Points while the record’s fields match: one field’s value among values, or a CEL condition */
        AttributeRule: {
            /**
             * @description Unique among the blueprint’s score rules; names the rule in ScoreChanged
             * @example target_industry
             */
            id: string;
            /** @description Title */
            title: string;
            /** @description Whole points, negative for a disqualifying attribute; never 0 */
            points: number;
            /** @description The field matched against values */
            field?: string;
            /** @description The values that score */
            values?: (string | number | boolean)[];
            /**
             * @description CEL over the fields (instead of field and values)
             * @example employees >= 1000.0
             */
            when?: string;
        };
        /** @description Points each time an activity of this type is recorded */
        BehaviourRule: {
            /**
             * @description The activity type; also the rule’s name
             * @example demo_requested
             */
            activity: string;
            /** @description Title */
            title: string;
            /** @description Whole points per activity; never 0 */
            points: number;
            /** @description The most points (in absolute value) the rule holds at once; absent: no cap */
            max?: number;
        };
        /** @description Behaviour points lose this share every week, rounded toward zero */
        ScoreDecay: {
            /** @description Whole percentage, 1 to 100 */
            percentPerWeek: number;
        };
        /** @description A score level whose upward crossing fires a transition, through its guards */
        ScoreThreshold: {
            /**
             * @description Threshold id
             * @example mql
             */
            id: string;
            /** @description Title */
            title: string;
            /** @description Points: crossed when the score goes from below to at or above it */
            at: number;
            /**
             * @description The transition event fired
             * @example mark_mql
             */
            fire: string;
        };
        /** @description The blueprint’s scoring rules (README, Blueprint reference, Scoring) */
        ScoringDefinition: {
            attributes: components["schemas"]["AttributeRule"][];
            behaviours: components["schemas"]["BehaviourRule"][];
            /** @description Absent: behaviour points never fade */
            decay?: components["schemas"]["ScoreDecay"];
            /** @description Ascending by at */
            thresholds: components["schemas"]["ScoreThreshold"][];
        };
        /** @description How a conversion step recognises an existing record to link instead of opening one */
        ConversionMatch: {
            /**
             * @description A field of the step’s mapping, compared with the existing records’ value of it
             * @example name
             */
            field: string;
            /**
             * @description How both values are normalized before they are compared
             * @enum {string}
             */
            by: "email" | "phone" | "company_name" | "exact";
        };
        /** @description A record a conversion opens or finds */
        ConversionStep: {
            /**
             * @description The step’s name, $<as> in later mappings
             * @example account
             */
            as: string;
            /**
             * @description The kind of record it opens or finds
             * @example account
             */
            kind: string;
            /** @description Absent: always opened */
            match?: components["schemas"]["ConversionMatch"];
            /** @description Target field → source: a field of the converted record, $record or $<as> */
            fields: {
                [key: string]: string;
            };
        };
        /** @description What converting a record opens or links (README, Conversion) */
        ConversionDefinition: {
            /**
             * @description The converting transition
             * @example convert
             */
            on: string;
            /** @description In order */
            creates: components["schemas"]["ConversionStep"][];
            /** @description Field of the converted record → $<as>: set by the converting transition */
            link: {
                [key: string]: string;
            };
        };
        /** @description A blueprint as loaded and validated */
        BlueprintDefinition: {
            /** @description Blueprint id */
            id: string;
            /** @description Version */
            version: number;
            /** @description Record kind it governs; records live in streams <kind>-<id> */
            kind: string;
            /** @description Title */
            title: string;
            description?: string;
            /**
             * @description ISO 4217 code for money fields
             * @example USD
             */
            currency: string;
            /** @description The stage a record is opened in */
            initialStage: string;
            fields: components["schemas"]["FieldDefinition"][];
            stages: components["schemas"]["StageDefinition"][];
            transitions: components["schemas"]["TransitionDefinition"][];
            /** @description Absent when the blueprint scores nothing */
            scoring?: components["schemas"]["ScoringDefinition"];
            /** @description Absent when the blueprint converts nothing */
            conversion?: components["schemas"]["ConversionDefinition"];
        };
        BlueprintDetail: {
            /** @description The version answered */
            ref: components["schemas"]["BlueprintRef"];
            definition: components["schemas"]["BlueprintDefinition"];
            /** @description Every published version, oldest first */
            versions: components["schemas"]["BlueprintRef"][];
            /** @description A Mermaid stateDiagram-v2 of stages and transitions */
            diagram: string;
        };
        /** @description 404: Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
        NotFoundError: {
            /**
             * @description A stable code
             * @enum {string}
             */
            error: "ABSENCE_NOT_FOUND" | "APPROVAL_NOT_FOUND" | "BLUEPRINT_NOT_FOUND" | "DELIVERY_NOT_FOUND" | "INTAKE_KEY_NOT_FOUND" | "MERGE_NOT_FOUND" | "NOTIFICATION_NOT_FOUND" | "NOT_FOUND" | "QUOTE_DOCUMENT_NOT_FOUND" | "RECORD_NOT_FOUND" | "TASK_NOT_FOUND" | "UNKNOWN_KIND" | "UNKNOWN_PROJECTION" | "UNKNOWN_USER" | "WEBHOOK_NOT_FOUND";
            /** @description What went wrong, for a person */
            message: string;
            /** @description What the code needs to be acted on, e.g. details.invalid for VALIDATION_FAILED, details.unmet for TRANSITION_REFUSED; {} when nothing */
            details: {
                [key: string]: unknown;
            };
        };
        /** @description 414: A path segment (kind, record id) is longer than 128 characters */
        UriTooLongError: {
            /**
             * @description A stable code
             * @enum {string}
             */
            error: "HTTP_ERROR" | "URI_TOO_LONG";
            /** @description What went wrong, for a person */
            message: string;
            /** @description What the code needs to be acted on, e.g. details.invalid for VALIDATION_FAILED, details.unmet for TRANSITION_REFUSED; {} when nothing */
            details: {
                [key: string]: unknown;
            };
        };
        BlueprintVersionCount: {
            ref: components["schemas"]["BlueprintRef"];
            /** @description Records pinned to the version now */
            records: number;
            /** @description Of those, not in a final stage */
            live: number;
            /** @description Records by stage of the version */
            byStage: {
                [key: string]: number;
            };
        };
        BlueprintVersions: {
            /** @description Blueprint id */
            id: string;
            /** @description The newest version */
            latestVersion: number;
            /** @description Oldest first */
            versions: components["schemas"]["BlueprintVersionCount"][];
        };
        PropertyChange: {
            /** @description The property */
            property: string;
            /** @description Its value before (JSON); null when absent */
            from: Record<string, never> | null;
            /** @description Its value after (JSON); null when absent */
            to: Record<string, never> | null;
        };
        ItemChange: {
            /** @description Stage id, transition event or field name */
            id: string;
            changes: components["schemas"]["PropertyChange"][];
        };
        SectionDiff: {
            /** @description Added */
            added: string[];
            /** @description Removed */
            removed: string[];
            changed: components["schemas"]["ItemChange"][];
        };
        CriteriaChange: {
            /** @description The transition */
            event: string;
            /** @description Criteria added, e.g. "requires budget" */
            added: string[];
            /** @description Criteria removed */
            removed: string[];
        };
        BlueprintDiff: {
            /** @description Blueprint id */
            id: string;
            /** @description The older version */
            from: number;
            /** @description The newer version */
            to: number;
            /** @description Blueprint-level properties (title, initial stage, …) */
            blueprint: components["schemas"]["PropertyChange"][];
            stages: components["schemas"]["SectionDiff"];
            /** @description By event; criteria changes are in criteria */
            transitions: components["schemas"]["SectionDiff"];
            criteria: components["schemas"]["CriteriaChange"][];
            fields: components["schemas"]["SectionDiff"];
            /** @description Nothing differs */
            same: boolean;
            /** @description The diff for a person, one line per change */
            text: string;
        };
        BlueprintExport: {
            /** @enum {string} */
            format: "xstate" | "mermaid";
            /** @description xstate: the machine config (JSON); mermaid: the diagram text */
            content: {
                [key: string]: unknown;
            } | string;
        };
        /** @description One thing wrong with a blueprint, by file and path */
        BlueprintProblem: {
            /** @description The file, or "request body" */
            file: string;
            /** @description Path in the YAML structure, e.g. transitions[3].requires[0]; empty for the document */
            path: string;
            /** @description What is wrong */
            message: string;
            line?: number;
            column?: number;
        };
        /** @description A stored draft: never used to decide */
        BlueprintDraft: {
            /** @description Blueprint id */
            id: string;
            /** @description The YAML as saved */
            source: string;
            /** @description What publishing it would be refused for, when saved; empty when none */
            problems: components["schemas"]["BlueprintProblem"][];
            /** @description Who saved it */
            savedBy: string;
            /**
             * Format: date-time
             * @description When
             */
            savedAt: string;
            /** @description How many saves before this one */
            revision: number;
        };
        MigrationPlanRequest: {
            /**
             * @description The version the records are on
             * @example 1
             */
            from: number;
            /**
             * @description The version to move them to (lower to undo a migration)
             * @example 2
             */
            to: number;
            /**
             * @description Stage of from → stage of to; a stage not named keeps its id
             * @example {
             *       "needs_analysis": "discovery"
             *     }
             */
            stageMap?: {
                [key: string]: string;
            };
        };
        /** @description One exit criterion of a transition that does not hold */
        UnmetCriterion: {
            /** @description The transition event */
            event: string;
            /**
             * @description Which criterion: required_field, supplied_field, expression, role, owner, stage, or the kind a blueprint guard names
             * @example required_field
             */
            criterion: string;
            /** @description The field concerned (required_field, supplied_field) */
            field?: string;
            /** @description The CEL expression that is false (expression) */
            expression?: string;
            /** @description The task template not done yet (task) */
            task?: string;
            /** @description The approvers still needed or waited for, by step title (approval) */
            approvers?: string[];
            /** @description What to do about it, for a person */
            message: string;
        };
        /** @description Where one live record would land */
        PlannedMigration: {
            /** @description Record id */
            recordId: string;
            /** @description Its revision as read; its migration command derives from it */
            revision: number;
            /** @description Its stage now */
            stage: string;
            /** @description The stage in the target version; null: a removed stage no map names */
            toStage: string | null;
            /** @description The target stage’s exit criteria it would break; empty when none */
            unmet: components["schemas"]["UnmetCriterion"][];
        };
        MigrationSummary: {
            /** @description Live records on the from version */
            records: number;
            /** @description That move without breaking anything */
            ready: number;
            /** @description That would break the target stage’s criteria */
            breaking: number;
            /** @description In a stage the target version removed, not mapped */
            removedStage: number;
        };
        MigrationPlan: {
            /** @description Blueprint id */
            blueprint: string;
            from: components["schemas"]["BlueprintRef"];
            to: components["schemas"]["BlueprintRef"];
            stageMap: {
                [key: string]: string;
            };
            /** @description By record id */
            records: components["schemas"]["PlannedMigration"][];
            summary: components["schemas"]["MigrationSummary"];
            /** @description Records breaking each rule, e.g. "required_field budgetApproved": 12 */
            unmetByRule: {
                [key: string]: number;
            };
        };
        MigrationRequestBody: {
            /**
             * @description The version the records are on
             * @example 1
             */
            from: number;
            /**
             * @description The version to move them to (lower to undo a migration)
             * @example 2
             */
            to: number;
            /**
             * @description Stage of from → stage of to; a stage not named keeps its id
             * @example {
             *       "needs_analysis": "discovery"
             *     }
             */
            stageMap?: {
                [key: string]: string;
            };
            /** @description Recorded on every RecordMigrated; required with force */
            reason?: string;
            /** @description Also migrate records that break the target stage’s criteria (recorded as unmet on the event) */
            force?: boolean;
        };
        MigrationError: {
            /** @description The refusal’s code, e.g. MIGRATION_REFUSED */
            code: string;
            /** @description Why */
            message: string;
        };
        MigrationOutcome: {
            /** @description Record id */
            recordId: string;
            /** @enum {string} */
            status: "migrated" | "unchanged" | "refused";
            /** @description refused: why */
            error?: components["schemas"]["MigrationError"];
        };
        MigrationResult: {
            /** @description Derived from what was asked: the same request again stores nothing new */
            migrationId: string;
            from: components["schemas"]["BlueprintRef"];
            to: components["schemas"]["BlueprintRef"];
            /** @description Records moved (RecordMigrated stored, or stored by the same request before) */
            migrated: number;
            /** @description Records already on the target version */
            unchanged: number;
            /** @description Records refused (see records[].error) */
            refused: number;
            records: components["schemas"]["MigrationOutcome"][];
            /** @description The plan applied */
            plan: components["schemas"]["MigrationSummary"];
        };
        WhatIfRequest: {
            /**
             * @description The blueprint YAML (README, Blueprint reference)
             * @example id: opportunity
             *     version: 4
             *     …
             */
            source: string;
            /**
             * @description Records opened from (business time): a date is the whole day, UTC; a date-time is taken as it is
             * @example 2026-01-01
             */
            from?: string;
            /**
             * @description Records opened up to (business time): a date is the whole day, UTC
             * @example 2026-06-30
             */
            to?: string;
        };
        WhatIfDraftRef: {
            /** @description Blueprint id */
            id: string;
            /** @description The version the draft declares */
            version: number;
        };
        /** @description Records opened in this window (business time); null: unbounded */
        WhatIfWindow: {
            /** @description From, ISO date-time */
            from: string | null;
            /** @description To, ISO date-time */
            to: string | null;
        };
        /** @description A recorded move the draft would have refused, judged on the record as it was then */
        WhatIfRefusal: {
            /** @description Record id */
            recordId: string;
            /** @description The transition event recorded; "(into <stage>)" for an imported move that names none */
            event: string;
            /** @description Stage it left */
            from: string;
            /** @description Stage it entered */
            to: string;
            /**
             * Format: date-time
             * @description When the move happened (business time)
             */
            occurredAt: string;
            /** @description Every criterion of the draft it did not meet */
            unmet: components["schemas"]["UnmetCriterion"][];
        };
        /** @description How many recorded moves one rule of the draft would have refused */
        WhatIfRuleCount: {
            /** @description The transition event */
            event: string;
            /** @description Which criterion, e.g. required_field */
            criterion: string;
            /** @description The field concerned */
            field?: string;
            /** @description The CEL expression concerned */
            expression?: string;
            /** @description The rule, for a person */
            message: string;
            /** @description Moves it refused */
            count: number;
        };
        /** @description A record the draft would have left in another stage */
        WhatIfElsewhere: {
            /** @description Record id */
            recordId: string;
            /** @description Its stage as recorded */
            stage: string;
            /** @description Where the draft would have it: it follows only the moves the draft allows */
            draftStage: string;
        };
        /** @description Records that reached one stage of the draft */
        WhatIfFunnelStep: {
            /** @description Stage id */
            stage: string;
            /** @description Stage title */
            title: string;
            /** @description As recorded */
            recorded: number;
            /** @description Under the draft */
            draft: number;
        };
        /** @description The recorded history replayed against a draft; nothing is stored (the same report as crm blueprint what-if --json) */
        WhatIfReport: {
            blueprint: components["schemas"]["WhatIfDraftRef"];
            window: components["schemas"]["WhatIfWindow"];
            /** @description Records of the blueprint opened in the window */
            records: number;
            /** @description Events of those records read and folded */
            events: number;
            /** @description Recorded stage moves judged */
            transitions: number;
            /** @description Every recorded move the draft would have refused */
            refused: components["schemas"]["WhatIfRefusal"][];
            /** @description Refused moves by rule, most first */
            refusedByRule: components["schemas"]["WhatIfRuleCount"][];
            elsewhere: components["schemas"]["WhatIfElsewhere"][];
            /** @description Per stage of the draft, in stage order */
            funnel: components["schemas"]["WhatIfFunnelStep"][];
        };
        AllowDuplicateRequest: {
            /** @description Why this lead is kept twice, for the audit trail */
            reason: string;
        };
        OpenRecordRequest: {
            /** @description Record id; generated when absent. Letters, digits, _ . : - */
            id?: string;
            /**
             * @description Initial field values, checked against the blueprint
             * @example {
             *       "name": "Globex platform deal",
             *       "amount": 42000
             *     }
             */
            fields?: {
                [key: string]: unknown;
            };
            /** @description Owner user id; defaults to you; null leaves a lead in the pool */
            owner?: string | null;
            /** @description Open a lead the match rules find kept already (else 409 DUPLICATE_LEAD); the reason is recorded */
            allowDuplicate?: components["schemas"]["AllowDuplicateRequest"];
        };
        /** @description A task opened on entering a stage */
        OpenTask: {
            /** Format: uuid */
            taskId: string;
            /**
             * @description The blueprint task template id
             * @example send_proposal
             */
            template: string;
            /** @description What to do */
            title: string;
            /** @description The stage that opened it */
            stage: string;
            /** @description Who should do it (the record owner when it opened); null when nobody */
            assignee: string | null;
            /**
             * Format: date-time
             * @description When it is due; null when the template sets no due date
             */
            dueAt: string | null;
        };
        /** @description One approver of a chain */
        ApprovalStep: {
            /**
             * @description Who is asked, as the blueprint titles the step
             * @example Sales manager
             */
            title: string;
            /** @description The role that may decide this step */
            role?: string;
            /** @description The user who may decide this step */
            user?: string;
            /** @enum {string} */
            status: "waiting" | "granted" | "rejected";
            /** @description Who decided it */
            by: string | null;
            /**
             * Format: date-time
             * @description When it was decided
             */
            at: string | null;
            /** @description The approver’s comment, or the reason of a rejection */
            comment: string | null;
        };
        /** @description An approval request still in play */
        Approval: {
            /** Format: uuid */
            approvalId: string;
            /**
             * @description The transition waiting for approval
             * @example approve
             */
            event: string;
            /**
             * @description pending: waiting for approvers; approved: the transition fires when next tried
             * @enum {string}
             */
            status: "pending" | "approved";
            /** @description Who asked */
            requestedBy: string;
            /**
             * Format: date-time
             * @description When it was asked
             */
            requestedAt: string;
            /** @enum {string} */
            mode: "sequential" | "all" | "any";
            steps: components["schemas"]["ApprovalStep"][];
            /** @description The approvers who may decide now, by step title */
            waitingFor: string[];
        };
        /** @description A timer of the record’s stage, still to come */
        Timer: {
            /** Format: uuid */
            timerId: string;
            /**
             * @description The blueprint timer id
             * @example remind_uncontacted
             */
            timer: string;
            /**
             * Format: date-time
             * @description When it is due
             */
            dueAt: string;
            action: components["schemas"]["TimerAction"];
        };
        /** @description An event the record could take next, for the asking user */
        NextStep: {
            /**
             * @description The transition event
             * @example analyze_needs
             */
            event: string;
            /** @description Transition title */
            title: string;
            /** @description Target stage */
            to: string;
            /** @description Whether firing it now would be accepted */
            allowed: boolean;
            /** @description Every criterion that blocks it; empty when allowed */
            unmet: components["schemas"]["UnmetCriterion"][];
        };
        /** @description One score rule’s points in the record’s score */
        ScoreRuleShare: {
            /**
             * @description The rule: an attribute rule’s id or a behaviour rule’s activity
             * @example demo_requested
             */
            rule: string;
            /** @enum {string} */
            kind: "attribute" | "behaviour";
            /** @description The rule’s title in the blueprint */
            title: string;
            /** @description The points it holds now (behaviour points decay week by week) */
            points: number;
        };
        /** @description A threshold of the blueprint and whether the score has reached it */
        ScoreThresholdState: {
            /**
             * @description The threshold id
             * @example mql
             */
            id: string;
            /** @description Its title */
            title: string;
            /** @description Its points */
            at: number;
            /**
             * @description The transition its upward crossing fires
             * @example mark_mql
             */
            fire: string;
            /** @description Whether the score is at or above it now */
            reached: boolean;
        };
        /** @description The record’s score as its ScoreChanged events fold (README, Blueprint reference, Scoring) */
        Score: {
            /** @description The score: the sum of the breakdown */
            score: number;
            /** @description Points of attribute rules (what the record is) */
            attributes: number;
            /** @description Points of behaviour rules (what it did; decaying) */
            behaviour: number;
            /** @description Every rule holding points, in the order it first scored */
            breakdown: components["schemas"]["ScoreRuleShare"][];
            thresholds: components["schemas"]["ScoreThresholdState"][];
            /**
             * Format: date-time
             * @description When its latest activity happened; null before any
             */
            lastActivityAt: string | null;
        };
        /** @description A record as its events say it is now, with every possible next event */
        RecordView: {
            /**
             * @description Record kind
             * @example opportunity
             */
            kind: string;
            /**
             * @description Record id
             * @example globex-1
             */
            id: string;
            /** @description Current stage id */
            stage: string;
            /** @description Current stage title */
            stageTitle: string;
            /** @description Whether the stage is final (no transition leaves it; fields no longer change) */
            final: boolean;
            /** @description Owner user id; null for a lead in the pool */
            owner: string | null;
            /**
             * @description Field values by name
             * @example {
             *       "name": "Globex platform deal",
             *       "amount": 42000
             *     }
             */
            fields: {
                [key: string]: string | number | boolean;
            };
            /** @description Revision of the record stream: its last event number, from 0 */
            revision: number;
            /** @description The blueprint version the record is pinned to */
            blueprint: components["schemas"]["BlueprintRef"];
            /**
             * Format: date-time
             * @description Business time the record was opened
             */
            openedAt: string;
            /**
             * Format: date-time
             * @description Business time of the last change
             */
            updatedAt: string;
            /**
             * Format: date-time
             * @description Business time the current stage was entered
             */
            stageEnteredAt: string;
            /**
             * Format: date-time
             * @description Since when the record is stalled in its stage (a stalledAfter timer fired); null when it is not
             */
            stalledSince: string | null;
            /** @description Open tasks */
            tasks: components["schemas"]["OpenTask"][];
            /** @description Approval requests still in play */
            approvals: components["schemas"]["Approval"][];
            /** @description Timers of the stage still to come */
            timers: components["schemas"]["Timer"][];
            /** @description Its latest conversion; null when never converted */
            conversion: components["schemas"]["Conversion"] | (never | null);
            /** @description Every event the record could take next, with what blocks it */
            next: components["schemas"]["NextStep"][];
            /** @description The score and its breakdown; absent when the record’s blueprint scores nothing */
            score?: components["schemas"]["Score"];
        };
        /** @description What a write answers: the record as it now is, and the events the request stored */
        RecordWriteResult: {
            record: components["schemas"]["RecordView"];
            /** @description The events the request stored, in order; on a retried request, those the first one stored */
            events: (components["schemas"]["RecordOpenedEvent"] | components["schemas"]["FieldsChangedEvent"] | components["schemas"]["TransitionedEvent"] | components["schemas"]["StageRecordedEvent"] | components["schemas"]["OwnerChangedEvent"] | components["schemas"]["TaskOpenedEvent"] | components["schemas"]["TaskCompletedEvent"] | components["schemas"]["TaskCancelledEvent"] | components["schemas"]["TaskReassignedEvent"] | components["schemas"]["TimerScheduledEvent"] | components["schemas"]["TimerCancelledEvent"] | components["schemas"]["TimerFiredEvent"] | components["schemas"]["RecordStalledEvent"] | components["schemas"]["ApprovalRequestedEvent"] | components["schemas"]["ApprovalGrantedEvent"] | components["schemas"]["ApprovalRejectedEvent"] | components["schemas"]["ApprovalInvalidatedEvent"] | components["schemas"]["LeadPooledEvent"] | components["schemas"]["ActivityRecordedEvent"] | components["schemas"]["ScoreChangedEvent"] | components["schemas"]["LeadCapturedEvent"] | components["schemas"]["LeadMergedEvent"] | components["schemas"]["LeadMergedAwayEvent"] | components["schemas"]["LeadSplitEvent"] | components["schemas"]["LeadRestoredEvent"] | components["schemas"]["DuplicateLeadAllowedEvent"] | components["schemas"]["ConversionStartedEvent"] | components["schemas"]["ConversionCompletedEvent"] | components["schemas"]["ConversionFailedEvent"] | components["schemas"]["RecordMigratedEvent"] | components["schemas"]["LinesCopiedEvent"] | components["schemas"]["PaymentRecordedEvent"] | components["schemas"]["QuotePricedEvent"] | components["schemas"]["QuoteRevisedEvent"] | components["schemas"]["QuoteSentEvent"])[];
        };
        /** @description 422: The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
        UnprocessableError: {
            /**
             * @description A stable code
             * @enum {string}
             */
            error: "AMOUNT_TOO_LARGE" | "CLAIM_CAP_REACHED" | "CLAIM_COOLDOWN" | "CONVERSION_FAILED" | "CONVERSION_REFUSED" | "EXIT_CRITERIA_BROKEN" | "IDEMPOTENCY_KEY_REUSED" | "MIGRATION_REFUSED" | "NO_CATALOG" | "NO_EXCHANGE_RATE" | "NO_LIST_PRICE" | "PAYMENT_ABOVE_BALANCE" | "PAYMENT_CURRENCY_MISMATCH" | "PRICE_BOOK_EXPIRED" | "PRICE_BOOK_NOT_YET_VALID" | "RECORD_CLOSED" | "TRANSITION_REFUSED" | "UNKNOWN_PRICE_BOOK" | "UNKNOWN_SKU" | "UNKNOWN_TAX_REGION" | "UNPROCESSABLE";
            /** @description What went wrong, for a person */
            message: string;
            /** @description What the code needs to be acted on, e.g. details.invalid for VALIDATION_FAILED, details.unmet for TRANSITION_REFUSED; {} when nothing */
            details: {
                [key: string]: unknown;
            };
        };
        /** @description A record as the records read model has it */
        RecordListItem: {
            /** @description Record kind */
            kind: string;
            /** @description Record id */
            recordId: string;
            /** @description Stage id (at asOf) */
            stage: string;
            /** @description Owner user id (at asOf); null when unowned */
            owner: string | null;
            /** @description The name field; null when it has none */
            name: string | null;
            /**
             * @description Field values by name (at asOf)
             * @example {
             *       "name": "Globex platform deal",
             *       "amount": 42000
             *     }
             */
            fields: {
                [key: string]: string | number | boolean;
            };
            /**
             * Format: date-time
             * @description Business time the record was opened
             */
            openedAt: string;
            /**
             * Format: date-time
             * @description Business time of the last change at or before asOf
             */
            updatedAt: string;
            /** @description False once the history has a stage move no blueprint transition explains (StageRecorded) */
            conforming: boolean;
        };
        /** @description One page of a records list */
        RecordPage: {
            items: components["schemas"]["RecordListItem"][];
            /** @description Pass it as cursor for the next page; null on the last page */
            nextCursor: string | null;
            /**
             * Format: date-time
             * @description The business time asked for; null for now
             */
            asOf: string | null;
        };
        UpdateFieldsRequest: {
            /**
             * @description Field values to set; null clears a field
             * @example {
             *       "name": "Globex platform deal",
             *       "amount": 42000
             *     }
             */
            fields: {
                [key: string]: unknown;
            };
            /** @description Fail with 409 unless the record is at this revision */
            expectedRevision?: number;
        };
        FireTransitionRequest: {
            /**
             * @description The blueprint transition event, e.g. analyze_needs
             * @example analyze_needs
             */
            event: string;
            /**
             * @description Field values set in the same step, before exit criteria are judged
             * @example {
             *       "name": "Globex platform deal",
             *       "amount": 42000
             *     }
             */
            fields?: {
                [key: string]: unknown;
            };
            /** @description Fail with 409 unless the record is at this revision */
            expectedRevision?: number;
            /** @description Why, kept on the Transitioned event */
            reason?: string;
        };
        CompleteTaskRequest: {
            /** @description What was done, kept on the TaskCompleted event */
            note?: string;
        };
        GrantApprovalRequest: {
            /** @description Kept on the ApprovalGranted event */
            comment?: string;
        };
        RejectApprovalRequest: {
            /** @description Why, kept on the ApprovalRejected event and shown in the record’s history */
            reason: string;
        };
        ReassignRequest: {
            /** @description New owner user id, or null to return a lead to the pool */
            owner: string | null;
            /** @description Fail with 409 unless the record is at this revision */
            expectedRevision?: number;
        };
        /** @description The record stream: every event with its metadata */
        RecordHistory: {
            /** @description Record kind */
            kind: string;
            /** @description Record id */
            id: string;
            /** @description Oldest first */
            events: (components["schemas"]["RecordOpenedHistoryEntry"] | components["schemas"]["FieldsChangedHistoryEntry"] | components["schemas"]["TransitionedHistoryEntry"] | components["schemas"]["StageRecordedHistoryEntry"] | components["schemas"]["OwnerChangedHistoryEntry"] | components["schemas"]["TaskOpenedHistoryEntry"] | components["schemas"]["TaskCompletedHistoryEntry"] | components["schemas"]["TaskCancelledHistoryEntry"] | components["schemas"]["TaskReassignedHistoryEntry"] | components["schemas"]["TimerScheduledHistoryEntry"] | components["schemas"]["TimerCancelledHistoryEntry"] | components["schemas"]["TimerFiredHistoryEntry"] | components["schemas"]["RecordStalledHistoryEntry"] | components["schemas"]["ApprovalRequestedHistoryEntry"] | components["schemas"]["ApprovalGrantedHistoryEntry"] | components["schemas"]["ApprovalRejectedHistoryEntry"] | components["schemas"]["ApprovalInvalidatedHistoryEntry"] | components["schemas"]["LeadPooledHistoryEntry"] | components["schemas"]["ActivityRecordedHistoryEntry"] | components["schemas"]["ScoreChangedHistoryEntry"] | components["schemas"]["LeadCapturedHistoryEntry"] | components["schemas"]["LeadMergedHistoryEntry"] | components["schemas"]["LeadMergedAwayHistoryEntry"] | components["schemas"]["LeadSplitHistoryEntry"] | components["schemas"]["LeadRestoredHistoryEntry"] | components["schemas"]["DuplicateLeadAllowedHistoryEntry"] | components["schemas"]["ConversionStartedHistoryEntry"] | components["schemas"]["ConversionCompletedHistoryEntry"] | components["schemas"]["ConversionFailedHistoryEntry"] | components["schemas"]["RecordMigratedHistoryEntry"] | components["schemas"]["LinesCopiedHistoryEntry"] | components["schemas"]["PaymentRecordedHistoryEntry"] | components["schemas"]["QuotePricedHistoryEntry"] | components["schemas"]["QuoteRevisedHistoryEntry"] | components["schemas"]["QuoteSentHistoryEntry"])[];
        };
        ClaimLeadRequest: {
            /** @description Fail with 409 unless the lead is at this revision */
            expectedRevision?: number;
        };
        ReleaseLeadRequest: {
            /**
             * @description Why the lead goes back to the pool; kept on OwnerChanged
             * @example Wrong region: the buyer is in Berlin
             */
            reason: string;
            /** @description Fail with 409 unless the lead is at this revision */
            expectedRevision?: number;
        };
        /** @description A task as the tasks read model has it */
        TaskListItem: {
            /** Format: uuid */
            taskId: string;
            /**
             * @description Record kind
             * @example opportunity
             */
            kind: string;
            /** @description Record id */
            recordId: string;
            /** @description The record’s name field (name, else title, else company); null when it has none */
            recordName: string | null;
            /**
             * @description The blueprint task template id
             * @example send_proposal
             */
            template: string;
            /** @description What to do */
            title: string;
            /** @description The stage that opened it */
            stage: string;
            /** @description Who should do it; null when nobody */
            assignee: string | null;
            /**
             * Format: date-time
             * @description When it is due; null when the template sets no due date
             */
            dueAt: string | null;
            /** @enum {string} */
            status: "open" | "done" | "cancelled";
            /** @description Open and past its due time, as of now */
            overdue: boolean;
            /**
             * Format: date-time
             * @description Business time it was opened
             */
            openedAt: string;
            /**
             * Format: date-time
             * @description Done or cancelled: when; null while open
             */
            closedAt: string | null;
            /** @description Done: by whom; null otherwise */
            closedBy: string | null;
        };
        /** @description One page of a task list, soonest due first (undated last) */
        TaskPage: {
            items: components["schemas"]["TaskListItem"][];
            /** @description Pass it as cursor for the next page; null on the last page */
            nextCursor: string | null;
            /**
             * Format: date-time
             * @description The moment overdue was judged at
             */
            now: string;
        };
        /** @description An approval request with a step the asking user may decide now */
        WaitingApproval: {
            /** Format: uuid */
            approvalId: string;
            /**
             * @description Record kind
             * @example quote
             */
            kind: string;
            /** @description Record id */
            recordId: string;
            /** @description The record’s name field (name, else title, else company); null when it has none */
            recordName: string | null;
            /**
             * @description The transition waiting for approval
             * @example approve
             */
            event: string;
            /** @enum {string} */
            mode: "sequential" | "all" | "any";
            /** @description Who asked */
            requestedBy: string;
            /**
             * Format: date-time
             * @description When it was asked
             */
            requestedAt: string;
            /** @description Every step, as decided so far */
            steps: components["schemas"]["ApprovalStep"][];
            /** @description The steps that may be decided now, by title */
            waitingFor: string[];
        };
        /** @description One page of the approval requests waiting for the user, oldest first */
        WaitingApprovalPage: {
            items: components["schemas"]["WaitingApproval"][];
            /** @description Pass it as cursor for the next page; null on the last page */
            nextCursor: string | null;
        };
        /** @description Open deals of one owner in one stage */
        PipelineRow: {
            /** @description Stage id */
            stage: string;
            /** @description The stage position in the lifecycle */
            stageOrder: number;
            /** @description Owner user id; null for unowned deals */
            owner: string | null;
            /** @description The owner team (unassigned when none) */
            team: string;
            /** @description Open deals */
            count: number;
            /** @description Sum of their amounts */
            amount: number;
            /** @description Sum of amount × the stage probability, each deal rounded to the cent */
            weightedAmount: number;
            /** @description Mean days in the stage, at asOf */
            averageAgeDays: number;
            /** @description Most days in the stage, at asOf */
            oldestAgeDays: number;
        };
        /** @description Open deals in one stage, overall or of one team */
        PipelineTotal: {
            /** @description Stage id */
            stage: string;
            /** @description The stage position in the lifecycle */
            stageOrder: number;
            /** @description The team, for totals by stage and team; null for totals by stage */
            team: string | null;
            /** @description Open deals */
            count: number;
            /** @description Sum of their amounts */
            amount: number;
            /** @description Sum of amount × the stage probability */
            weightedAmount: number;
        };
        /** @description A deal in its stage for longer than stalledAfterDays, or found stalled by its blueprint (stalledAfter) */
        StalledDeal: {
            /** @description Record id */
            recordId: string;
            /** @description Stage id */
            stage: string;
            /** @description Owner user id; null when unowned */
            owner: string | null;
            /** @description The owner team */
            team: string;
            /**
             * Format: date-time
             * @description When it entered the stage
             */
            stageEnteredAt: string;
            /** @description Days in the stage, at asOf */
            ageDays: number;
            /** @description Its amount; null when it has none */
            amount: number | null;
            /**
             * Format: date-time
             * @description Since when its blueprint found it stalled (a stalledAfter timer fired); null when it did not
             */
            stalledSince: string | null;
        };
        /** @description Open deals as of a business time */
        PipelineReport: {
            /** @description Record kind */
            kind: string;
            /**
             * Format: date-time
             * @description The business time answered; ages are measured to it
             */
            asOf: string;
            /** @description By stage and owner, in stage order then owner */
            rows: components["schemas"]["PipelineRow"][];
            /** @description By stage */
            byStage: components["schemas"]["PipelineTotal"][];
            /** @description By stage and team */
            byStageAndTeam: components["schemas"]["PipelineTotal"][];
            /** @description A deal longer in its stage than this many days is stalled */
            stalledAfterDays: number;
            /** @description The stalled deals the user may read, oldest first */
            stalled: components["schemas"]["StalledDeal"][];
            /**
             * @description all, or conforming: without the records whose history has a StageRecorded (an imported move no transition explains)
             * @enum {string}
             */
            conformance: "all" | "conforming";
            /** @description Open deals whose history does not conform; counted with all, left out with conforming */
            nonConforming: number;
        };
        /** @description One period of one group; amounts in the blueprint currency */
        ForecastRow: {
            /**
             * @description Period (2026-03 or 2026-Q1)
             * @example 2026-Q2
             */
            period: string;
            /** @description Owner, team or total, after groupBy; null for unowned deals grouped by owner */
            group: string | null;
            /** @description Closed won amount */
            closedWon: number;
            /** @description Deals closed won */
            closedWonCount: number;
            /** @description Deals closed lost */
            closedLostCount: number;
            /** @description Open amount in commit stages */
            commit: number;
            /** @description Open amount in best-case stages */
            bestCase: number;
            /** @description Open amount in pipeline stages */
            pipeline: number;
            /** @description Sum of amount × probability over open deals of every category */
            weightedPipeline: number;
            /** @description Open deals */
            openCount: number;
            /** @description The quota of the group for the period; null without one */
            quota: number | null;
            /** @description closedWon / quota; null without a quota (or a zero one) */
            attainment: number | null;
        };
        /** @description Open deals without a close date: they belong to no period */
        UndatedDeals: {
            /** @description Deals */
            count: number;
            /** @description Their amount */
            amount: number;
        };
        ForecastReport: {
            /** @description Record kind */
            kind: string;
            /**
             * Format: date-time
             * @description The business time answered
             */
            asOf: string;
            /**
             * @description Period size
             * @enum {string}
             */
            periodKind: "month" | "quarter";
            /**
             * @description Rows per owner, team or one total
             * @enum {string}
             */
            groupBy: "owner" | "team" | "total";
            rows: components["schemas"]["ForecastRow"][];
            undated: components["schemas"]["UndatedDeals"];
            /**
             * @description all, or conforming: without the records whose history has a StageRecorded (an imported move no transition explains)
             * @enum {string}
             */
            conformance: "all" | "conforming";
            /** @description Deals of the reported periods (and undated ones) whose history does not conform; counted with all, left out with conforming */
            nonConforming: number;
        };
        /** @description The snapshot taken as of a period start against the closed won reported now */
        AccuracyRow: {
            /**
             * @description Period
             * @example 2026-Q2
             */
            period: string;
            /** @description Owner, team or total, after groupBy; null for unowned deals grouped by owner */
            group: string | null;
            /**
             * Format: date-time
             * @description As of when the compared snapshot was taken: the period start
             */
            snapshotAsOf: string;
            /**
             * Format: date-time
             * @description When the snapshot was taken
             */
            snapshotTakenAt: string;
            /** @description Closed won in the period already at its start */
            forecastClosedWon: number;
            /** @description Closed won + commit at the period start */
            commitForecast: number;
            /** @description Closed won + commit + best case at the period start */
            bestCaseForecast: number;
            /** @description Closed won + weighted pipeline at the period start */
            weightedForecast: number;
            /** @description Closed won in the period, as reported at asOf */
            actualClosedWon: number;
            /** @description actual / commit forecast; null when the forecast was 0 */
            commitAccuracy: number | null;
            /** @description actual / weighted forecast; null when the forecast was 0 */
            weightedAccuracy: number | null;
        };
        AccuracyReport: {
            /** @description Record kind */
            kind: string;
            /**
             * @description Period size
             * @enum {string}
             */
            periodKind: "month" | "quarter";
            /**
             * Format: date-time
             * @description Actuals as of this business time
             */
            asOf: string;
            /**
             * @description Rows per owner, team or one total
             * @enum {string}
             */
            groupBy: "owner" | "team" | "total";
            rows: components["schemas"]["AccuracyRow"][];
            /** @description Periods in range with closed-won deals but no snapshot at their start */
            periodsWithoutSnapshot: string[];
        };
        TakeForecastSnapshotRequest: {
            /**
             * @description Record kind; default opportunity; 404 when no blueprint governs it
             * @example opportunity
             */
            kind?: string;
            /**
             * @description Business time: YYYY-MM-DD (end of that day, UTC) or ISO date-time with offset; default now
             * @example 2026-03-31
             */
            asOf?: string;
            /**
             * @description Period size; default quarter
             * @enum {string}
             */
            periodKind?: "month" | "quarter";
            /**
             * @description The period forecast, of periodKind; default: the one containing asOf
             * @example 2026-Q2
             */
            period?: string;
        };
        /** @description A forecast frozen as of a moment; never retaken */
        ForecastSnapshot: {
            /** @description Record kind */
            kind: string;
            /**
             * @description Period size
             * @enum {string}
             */
            periodKind: "month" | "quarter";
            /**
             * @description The period forecast
             * @example 2026-Q2
             */
            period: string;
            /**
             * Format: date-time
             * @description The business time the forecast is taken as of
             */
            asOf: string;
            /**
             * Format: date-time
             * @description When it was taken
             */
            takenAt: string;
            /** @description Owners with a row in the snapshot */
            owners: number;
            /** @description True when this snapshot existed already (answered with 200) */
            alreadyTaken: boolean;
        };
        /** @description One stage of one group: visits, conversion and time in stage */
        FunnelStageRow: {
            /** @description The group (all, a cohort period, an owner, a team or a field value) */
            group: string;
            /** @description Stage id */
            stage: string;
            /** @description The stage position in the lifecycle */
            stageOrder: number;
            /** @description Records that entered the stage (at least once) */
            entered: number;
            /** @description Records that left it for a later stage that is not a loss */
            advanced: number;
            /** @description Records that left it into a lost stage */
            lost: number;
            /** @description Records that entered it and reached a won stage */
            won: number;
            /** @description advanced / entered; null for final stages, which nothing leaves */
            conversionRate: number | null;
            /** @description won / entered */
            winRate: number | null;
            /** @description Visits that ended by asOf: what time in stage is measured on */
            completedVisits: number;
            /** @description Mean days in the stage; null without completed visits */
            meanDays: number | null;
            /** @description Median days in the stage; null without completed visits */
            medianDays: number | null;
            /** @description 90th percentile of days in the stage; null without completed visits */
            p90Days: number | null;
        };
        LostReasonRow: {
            /** @description The group */
            group: string;
            /** @description The lost-reason field value */
            reason: string;
            /** @description Records lost for it */
            count: number;
        };
        /** @description The records opened in [from, to) as known at asOf */
        FunnelReport: {
            /** @description Record kind */
            kind: string;
            /**
             * Format: date-time
             * @description Start of the cohort window (included); null when open
             */
            from: string | null;
            /**
             * Format: date-time
             * @description End of the cohort window (excluded); null when open
             */
            to: string | null;
            /**
             * Format: date-time
             * @description The business time answered; null: as of everything stored
             */
            asOf: string | null;
            /** @description The grouping asked for; null: one group all */
            by: string | null;
            /** @description Records in the cohort window */
            records: number;
            rows: components["schemas"]["FunnelStageRow"][];
            lostReasons: components["schemas"]["LostReasonRow"][];
            /**
             * @description all, or conforming: without the records whose history has a StageRecorded (an imported move no transition explains)
             * @enum {string}
             */
            conformance: "all" | "conforming";
            /** @description Records opened in the window whose history does not conform; counted with all, left out with conforming */
            nonConforming: number;
        };
        /** @description The period in business time: [from, to) */
        AnalyticsWindow: {
            /**
             * Format: date-time
             * @description First instant of the period
             */
            from: string;
            /**
             * Format: date-time
             * @description First instant after it
             */
            to: string;
        };
        /** @description won / (won + lost) over the deals closed in the period */
        WinRate: {
            /** @description Deals won in the period */
            won: number;
            /** @description Deals lost in the period */
            lost: number;
            /** @description won / (won + lost); null when none closed */
            winRate: number | null;
        };
        /** @description Days from opening (or first entering fromStage) to close of the deals won in the period */
        SalesCycle: {
            /** @description Won deals measured */
            count: number;
            /** @description Mean days */
            mean: number | null;
            /** @description Median days */
            median: number | null;
            /** @description 90th percentile days (nearest rank) */
            p90: number | null;
            /** @description The stage measured from; null: from opening */
            fromStage: string | null;
            /** @description Won deals that never entered fromStage, left out */
            withoutStage: number;
        };
        /** @description Days of the stage visits that ended in the period */
        StageTime: {
            /** @description Stage id */
            stage: string;
            /** @description Stage position */
            stageOrder: number;
            /** @description Visits measured */
            count: number;
            /** @description Mean days */
            mean: number | null;
            /** @description Median days */
            median: number | null;
            /** @description 90th percentile days (nearest rank) */
            p90: number | null;
        };
        AverageDealSize: {
            /** @description Deals won in the period */
            won: number;
            /** @description Their amount */
            wonAmount: number;
            /** @description wonAmount / won; null without a won deal */
            average: number | null;
        };
        /** @description open deals × win rate × average deal size / mean sales cycle */
        PipelineVelocity: {
            /** @description Deals open at asOf */
            openDeals: number;
            /** @description Win rate of the period */
            winRate: number | null;
            /** @description Average won deal size of the period */
            averageDealSize: number | null;
            /** @description Mean sales cycle of the period, days */
            cycleDays: number | null;
            /** @description Money per day; null when a factor is missing or the cycle is 0 */
            perDay: number | null;
        };
        /** @description Open weighted pipeline dated in the period / quota still to win */
        PipelineCoverage: {
            /** @description Σ amount × probability of the deals open at asOf with a close date in the period */
            openWeighted: number;
            /** @description Those deals */
            openDeals: number;
            /** @description Closed won dated in the period */
            closedWon: number;
            /** @description The quota (QuotaSet) for the period; null without one */
            quota: number | null;
            /** @description max(0, quota − closed won); null without a quota */
            remainingQuota: number | null;
            /** @description openWeighted / remainingQuota; null without a quota or when it is met */
            coverage: number | null;
        };
        /** @description Deals open at asOf in a stage, by days in it */
        StageAging: {
            /** @description Stage id */
            stage: string;
            /** @description Stage position */
            stageOrder: number;
            /** @description Open deals in the stage */
            open: number;
            /**
             * @description Per bucket (0-6, 7-29, 30-59, 60-89, 90+ days), the deals
             * @example {
             *       "0-6": 1,
             *       "7-29": 0,
             *       "30-59": 2,
             *       "60-89": 0,
             *       "90+": 0
             *     }
             */
            buckets: {
                [key: string]: number;
            };
        };
        /** @description A close date moved out of the period */
        Slip: {
            /** @description Record id */
            recordId: string;
            /**
             * Format: date-time
             * @description When the close date moved
             */
            at: string;
            /** @description Close date before (in the period) */
            fromDate: string;
            /** @description Close date after (after the period) */
            toDate: string;
        };
        Slippage: {
            /** @description Deals whose close date moved out of the period */
            deals: number;
            /** @description Their amount at asOf */
            amount: number;
            slips: components["schemas"]["Slip"][];
        };
        /** @description What a forecast category held at the start of the period against what of it was won in the period */
        CategoryAccuracy: {
            /** @description Forecast category */
            category: string;
            /** @description Deals open at the start in the category, dated in the period */
            forecastDeals: number;
            /** @description Their amount then */
            forecast: number;
            /** @description Of those, won with a close date in the period */
            wonDeals: number;
            /** @description Their amount at asOf */
            won: number;
            /** @description won / forecast; null when nothing was forecast */
            accuracy: number | null;
        };
        /** @description In stage at start + entered − left = in stage at end */
        StageReconciliation: {
            /** @description Stage id */
            stage: string;
            /** @description Stage position */
            stageOrder: number;
            /** @description In the stage just before the period */
            atStart: number;
            /** @description Entries during the period */
            entered: number;
            /** @description Exits during the period */
            left: number;
            /** @description In the stage at the period’s last instant */
            atEnd: number;
            /** @description atStart + entered − left − atEnd: 0 when consistent */
            difference: number;
        };
        /** @description Every sales metric of one group (or the total) */
        SalesMetricsRow: {
            /** @description The dimension value, or total */
            group: string;
            /** @description Deals known at asOf in the group */
            deals: number;
            winRate: components["schemas"]["WinRate"];
            salesCycle: components["schemas"]["SalesCycle"];
            timeInStage: components["schemas"]["StageTime"][];
            averageDealSize: components["schemas"]["AverageDealSize"];
            velocity: components["schemas"]["PipelineVelocity"];
            coverage: components["schemas"]["PipelineCoverage"];
            aging: components["schemas"]["StageAging"][];
            slippage: components["schemas"]["Slippage"];
            forecastAccuracy: components["schemas"]["CategoryAccuracy"][];
            reconciliation: components["schemas"]["StageReconciliation"][];
        };
        /** @description Sales metrics of one period as of a business time (README, Sales analytics) */
        SalesAnalyticsReport: {
            /** @description Record kind */
            kind: string;
            /**
             * Format: date-time
             * @description The business time answered as of
             */
            asOf: string;
            /**
             * @description The period measured
             * @example 2026-Q1
             */
            period: string;
            window: components["schemas"]["AnalyticsWindow"];
            /**
             * @description The dimension of the rows; null: total only
             * @enum {string|null}
             */
            by: "owner" | "team" | "region" | "product" | "source" | "account" | "blueprintVersion" | "outcome" | "origin" | "cohort" | null;
            /** @description The dimension filters applied */
            filter: {
                [key: string]: string;
            };
            /** @description The stage the sales cycle is measured from; null: opening */
            cycleFrom: string | null;
            /**
             * @description Time in stage over deals with this outcome only; null: all
             * @enum {string|null}
             */
            stageOutcome: "won" | "lost" | "open" | null;
            /**
             * @description all, or conforming: without the records whose history has a StageRecorded (an imported move no transition explains)
             * @enum {string}
             */
            conformance: "all" | "conforming";
            /** @description Deals (after the filter) whose history does not conform at asOf */
            nonConforming: number;
            total: components["schemas"]["SalesMetricsRow"];
            /** @description One per value of by, in value order */
            rows: components["schemas"]["SalesMetricsRow"][];
        };
        /** @description Which part of the metric was explained */
        FigurePart: {
            stage?: string;
            bucket?: string;
            category?: string;
            column?: string;
            cycleFrom?: string | null;
            /** @enum {string|null} */
            stageOutcome?: "won" | "lost" | "open" | null;
        };
        /** @description A deal behind the figure, with the events that moved it up to asOf */
        ExplainedRecord: {
            /** @description Record kind */
            kind: string;
            /** @description Record id */
            recordId: string;
            /** @description What it counts as in the figure (won, lost, open, entered, slipped …) */
            role: string;
            /** @description Owner at asOf */
            owner: string | null;
            /** @description Stage at asOf */
            stage: string;
            /** @description Its events up to asOf (business time), oldest first */
            events: (components["schemas"]["RecordOpenedHistoryEntry"] | components["schemas"]["FieldsChangedHistoryEntry"] | components["schemas"]["TransitionedHistoryEntry"] | components["schemas"]["StageRecordedHistoryEntry"] | components["schemas"]["OwnerChangedHistoryEntry"] | components["schemas"]["TaskOpenedHistoryEntry"] | components["schemas"]["TaskCompletedHistoryEntry"] | components["schemas"]["TaskCancelledHistoryEntry"] | components["schemas"]["TaskReassignedHistoryEntry"] | components["schemas"]["TimerScheduledHistoryEntry"] | components["schemas"]["TimerCancelledHistoryEntry"] | components["schemas"]["TimerFiredHistoryEntry"] | components["schemas"]["RecordStalledHistoryEntry"] | components["schemas"]["ApprovalRequestedHistoryEntry"] | components["schemas"]["ApprovalGrantedHistoryEntry"] | components["schemas"]["ApprovalRejectedHistoryEntry"] | components["schemas"]["ApprovalInvalidatedHistoryEntry"] | components["schemas"]["LeadPooledHistoryEntry"] | components["schemas"]["ActivityRecordedHistoryEntry"] | components["schemas"]["ScoreChangedHistoryEntry"] | components["schemas"]["LeadCapturedHistoryEntry"] | components["schemas"]["LeadMergedHistoryEntry"] | components["schemas"]["LeadMergedAwayHistoryEntry"] | components["schemas"]["LeadSplitHistoryEntry"] | components["schemas"]["LeadRestoredHistoryEntry"] | components["schemas"]["DuplicateLeadAllowedHistoryEntry"] | components["schemas"]["ConversionStartedHistoryEntry"] | components["schemas"]["ConversionCompletedHistoryEntry"] | components["schemas"]["ConversionFailedHistoryEntry"] | components["schemas"]["RecordMigratedHistoryEntry"] | components["schemas"]["LinesCopiedHistoryEntry"] | components["schemas"]["PaymentRecordedHistoryEntry"] | components["schemas"]["QuotePricedHistoryEntry"] | components["schemas"]["QuoteRevisedHistoryEntry"] | components["schemas"]["QuoteSentHistoryEntry"])[];
        };
        /** @description The deals behind one figure, as of the same moment */
        FigureExplanation: {
            /** @description Record kind */
            kind: string;
            /**
             * Format: date-time
             * @description The business time answered as of
             */
            asOf: string;
            /** @description The period */
            period: string;
            window: components["schemas"]["AnalyticsWindow"];
            /** @enum {string} */
            metric: "winRate" | "salesCycle" | "timeInStage" | "averageDealSize" | "velocity" | "coverage" | "aging" | "slippage" | "forecastAccuracy" | "reconciliation" | "pipeline" | "forecast" | "funnel";
            /** @description The row explained; null: the total */
            group: string | null;
            part: components["schemas"]["FigurePart"];
            /** @description Every deal behind the figure (a deal entering a stage twice counts twice) */
            count: number;
            /** @description Those the reader may read, up to limit */
            records: components["schemas"]["ExplainedRecord"][];
            /** @description Readable ones beyond limit */
            unlisted: number;
            /** @description Behind the figure but not the reader’s to read: counted only */
            hidden: number;
        };
        ProjectionStatus: {
            /**
             * @description Projection name
             * @example pipeline
             */
            projection: string;
            /** @description The version the code declares */
            version: number;
            /** @description The version the stored model was built with; null before the first install */
            storedVersion: number | null;
            /** @enum {string} */
            state: "catching_up" | "live" | "rebuilding" | "failed" | "stopped" | "not_installed";
            /**
             * @description Last event applied; null before the first
             * @example C:42/P:42
             */
            checkpoint: string | null;
            /** @description Events the projection handled */
            eventsApplied: number;
            /** @description Events stored after its checkpoint */
            lag: number;
            /** @description Why it failed; null unless failed */
            error: string | null;
            /** @description What an operator should know although it runs (it rebuilt after the event log was reset); null otherwise */
            warning: string | null;
            /**
             * Format: date-time
             * @description When its status was last written; null before
             */
            updatedAt: string | null;
        };
        ProjectionStatuses: {
            /**
             * @description The event store head when the statuses were read; null on an empty store
             * @example C:42/P:42
             */
            headPosition: string | null;
            projections: components["schemas"]["ProjectionStatus"][];
        };
        /** @description A rebuild swapped in */
        ProjectionRebuilt: {
            /** @description Projection name */
            projection: string;
            /** @description The table set now live; each rebuild makes the next one */
            generation: number;
            /**
             * @description The last event the rebuild read; null on an empty store
             * @example C:42/P:42
             */
            position: string | null;
            /** @description Events the projection handled during the rebuild */
            eventsApplied: number;
        };
        /** @description 429: An intake key is over its rate; the Retry-After header (and details.retryAfterSeconds) says when to try again */
        RateLimitedError: {
            /**
             * @description A stable code
             * @enum {string}
             */
            error: "INTAKE_RATE_LIMITED" | "TOO_MANY_REQUESTS";
            /** @description What went wrong, for a person */
            message: string;
            /** @description What the code needs to be acted on, e.g. details.invalid for VALIDATION_FAILED, details.unmet for TRANSITION_REFUSED; {} when nothing */
            details: {
                [key: string]: unknown;
            };
        };
        CreateIntakeKeyRequest: {
            /**
             * @description The source leads taken in with this key are tagged with, e.g. website
             * @example website
             */
            source: string;
            /** @description What the key is for, for people */
            name?: string;
            /** @description Leads a minute this key may send (also its largest burst); default 600 */
            ratePerMinute?: number;
        };
        /** @description A new key: `key` is shown this once (only its SHA-256 is stored) */
        IssuedIntakeKey: {
            /** Format: uuid */
            id: string;
            /** @description The source its leads are tagged with */
            source: string;
            /** @description What it is for */
            name: string | null;
            /** @description Leads a minute, also the largest burst */
            ratePerMinute: number;
            /**
             * Format: date-time
             * @description When it was created
             */
            createdAt: string;
            /** @description The admin who created it */
            createdBy: string;
            /**
             * Format: date-time
             * @description When it was revoked; null while it works
             */
            revokedAt: string | null;
            /** @description The admin who revoked it */
            revokedBy: string | null;
            /** @description The key to send in the X-Intake-Key header: ik_<id>.<secret> */
            key: string;
        };
        /** @description An intake key as admins see it; its secret is never shown again */
        IntakeKey: {
            /** Format: uuid */
            id: string;
            /** @description The source its leads are tagged with */
            source: string;
            /** @description What it is for */
            name: string | null;
            /** @description Leads a minute, also the largest burst */
            ratePerMinute: number;
            /**
             * Format: date-time
             * @description When it was created
             */
            createdAt: string;
            /** @description The admin who created it */
            createdBy: string;
            /**
             * Format: date-time
             * @description When it was revoked; null while it works
             */
            revokedAt: string | null;
            /** @description The admin who revoked it */
            revokedBy: string | null;
        };
        IntakeKeyList: {
            keys: components["schemas"]["IntakeKey"][];
        };
        MergeLeadRequest: {
            /** @description The lead merged into this one (closed as merged until a split) */
            lead: string;
            /** @description Why, for the audit trail */
            reason?: string;
        };
        SplitLeadRequest: {
            /** @description The lead merged into this one by hand, to be a lead of its own again */
            lead: string;
        };
        DeclareAbsenceRequest: {
            /**
             * @description An ISO-8601 date-time with offset, or a date (from that day’s start, UTC)
             * @example 2026-12-21
             */
            from: string;
            /**
             * @description An ISO-8601 date-time with offset, or a date (to that day’s end, UTC); after `from`
             * @example 2026-12-31
             */
            to: string;
            /**
             * @description Why; kept on AbsenceDeclared
             * @example Year-end leave
             */
            reason: string;
        };
        /** @description A rep away from work over [from, to): the assignment rules give them no lead meanwhile */
        Absence: {
            /** @description Derived from the command id: a retried declaration names the same absence */
            absenceId: string;
            /** @description The user who is away */
            user: string;
            /**
             * Format: date-time
             * @description From this moment
             */
            from: string;
            /**
             * Format: date-time
             * @description Up to (not including) this moment
             */
            to: string;
            /** @description Why */
            reason: string;
        };
        /** @description The user’s absences in force (not cancelled), in the order declared */
        AbsenceList: {
            absences: components["schemas"]["Absence"][];
        };
        /** @description The order after the payment: its stage, what is paid and what is left, in minor units */
        PaymentReceipt: {
            order: string;
            /** @description The payment system's id of the payment */
            paymentId: string;
            /** @example partly_paid */
            stage: string;
            /** @example USD */
            currency: string;
            paidMinor: number;
            balanceMinor: number;
            /** @description The events this call stored; empty for a payment sent again */
            events: string[];
        };
        AcceptanceLinkRequest: {
            /** @description Days the link stays good; default 14 */
            expiresInDays?: number;
        };
        /** @description A customer's signed, expiring, single-use link to accept a sent quote */
        AcceptanceLink: {
            quote: string;
            /** @description Give it to the customer; POST /quote-acceptance with it accepts the quote once */
            token: string;
            /** Format: date-time */
            expiresAt: string;
        };
        QuoteAcceptanceRequest: {
            /** @description The token of the acceptance link */
            token: string;
            /** @description Who accepts, for the audit trail (a name or an email) */
            acceptedBy?: string;
        };
        /** @description The quote the link accepted */
        QuoteAcceptance: {
            quote: string;
            /** @example accepted */
            stage: string;
            /** Format: date-time */
            acceptedAt: string;
        };
        /** @description 410: A customer’s quote acceptance link that expired or was used already: the rep issues a new one */
        GoneError: {
            /**
             * @description A stable code
             * @enum {string}
             */
            error: "ACCEPTANCE_LINK_EXPIRED" | "ACCEPTANCE_LINK_USED" | "GONE";
            /** @description What went wrong, for a person */
            message: string;
            /** @description What the code needs to be acted on, e.g. details.invalid for VALIDATION_FAILED, details.unmet for TRANSITION_REFUSED; {} when nothing */
            details: {
                [key: string]: unknown;
            };
        };
        QuoteLineRequest: {
            /**
             * @description Product SKU from the catalog
             * @example CRM-ENT-SEAT
             */
            sku: string;
            /**
             * @description Above 0, at most 3 decimals (checked by the engine, which names the line)
             * @example 40
             */
            quantity: number;
            /**
             * @description Percent off the list price, 0–100, at most 2 decimals; default 0
             * @example 25
             */
            discountPercent?: number;
        };
        PriceQuoteRequest: {
            /**
             * @description Price book id; absent: the one the quote is pinned to (required the first time)
             * @example list-usd-enterprise
             */
            priceBook?: string;
            /** @description A version of it; absent: the pinned version (same book) or the latest */
            priceBookVersion?: number;
            /**
             * @description Tax region of the rate table; absent: the quote’s (required the first time)
             * @example US-NY
             */
            taxRegion?: string;
            /** @description The lines, replacing the current version’s lines */
            lines: components["schemas"]["QuoteLineRequest"][];
            /** @description Fail with 409 unless the quote is at this revision */
            expectedRevision?: number;
        };
        /** @description The quote fields a document shows besides its lines, as sent */
        QuoteDocumentFields: {
            customerEmail: string | null;
            /** Format: date */
            validUntil: string | null;
            paymentTerms: string | null;
            terms: string | null;
        };
        /** @description When and how a quote version went to the customer */
        QuoteSending: {
            /**
             * Format: date-time
             * @description When it was sent
             */
            at: string;
            /**
             * @description Document language
             * @example en
             */
            locale: string;
            /** @description sha256 of the HTML document sent */
            documentHash: string;
            documentFields: components["schemas"]["QuoteDocumentFields"];
        };
        /** @description The price book version a quote was priced with */
        PinnedPriceBook: {
            /**
             * @description Price book id
             * @example list-usd-enterprise
             */
            id: string;
            /** @description Its version */
            version: number;
            /** @description sha256 of the version’s content */
            contentHash: string;
            /**
             * @description Customer segment
             * @example enterprise
             */
            segment: string;
        };
        /** @description A quote line priced from the pinned price book */
        PricedLine: {
            /** @description Line number, from 1 */
            line: number;
            /**
             * @description Product SKU
             * @example CRM-ENT-SEAT
             */
            sku: string;
            /** @description Product name when priced */
            name: string;
            /**
             * @description What one of quantity counts
             * @example seat
             */
            unit: string;
            /**
             * @description Product family
             * @example subscription
             */
            family: string;
            /** @description Quantity (above 0, at most 3 decimals) */
            quantity: number;
            /** @description Percent off the list price (0–100, at most 2 decimals) */
            discountPercent: number;
            /** @description List price of one unit, in minor units of the currency (cents; yen) */
            listPrice: number;
            /** @description listPrice × quantity, in minor units of the currency (cents; yen) */
            gross: number;
            /** @description The line discount, in minor units of the currency (cents; yen) */
            discount: number;
            /** @description gross − discount, in minor units of the currency (cents; yen) */
            net: number;
            /** @description Tax on net, in minor units of the currency (cents; yen) */
            tax: number;
            /** @description net + tax, in minor units of the currency (cents; yen) */
            total: number;
        };
        /** @description The quote’s currency in the reporting currency, at the rate recorded when priced */
        QuoteExchange: {
            /**
             * @description Reporting currency
             * @example USD
             */
            base: string;
            /**
             * @description What one unit of the quote’s currency is worth in base (exact decimal)
             * @example 0.1389
             */
            rate: string;
            /** @description The total in minor units of base */
            totalInBase: number;
        };
        /** @description A quote version’s lines and totals; every amount in minor units of currency */
        PricedQuote: {
            priceBook: components["schemas"]["PinnedPriceBook"];
            /**
             * @description ISO 4217 currency of the price book
             * @example USD
             */
            currency: string;
            /**
             * @description Tax region of the rate table
             * @example US-NY
             */
            taxRegion: string;
            /** @description Tax rate in parts per million (8.875% is 88750) */
            taxRate: number;
            lines: components["schemas"]["PricedLine"][];
            /** @description Sum of the lines’ gross amounts, in minor units of the currency (cents; yen) */
            subtotal: number;
            /** @description Sum of the lines’ discounts, in minor units of the currency (cents; yen) */
            discount: number;
            /** @description Sum of the lines’ taxes, in minor units of the currency (cents; yen) */
            tax: number;
            /** @description subtotal − discount + tax = the sum of the lines’ totals, in minor units of the currency (cents; yen) */
            total: number;
            /** @description discount ÷ subtotal to 4 decimals: what approval thresholds read */
            effectiveDiscount: number;
            exchange: components["schemas"]["QuoteExchange"];
        };
        QuoteVersionSummary: {
            /** @description Version */
            version: number;
            /** @description Whether it has priced lines */
            priced: boolean;
            /** @description When and how it was sent; null while not sent */
            sent: components["schemas"]["QuoteSending"] | (never | null);
        };
        /** @description One version of a quote: its priced lines, and every version the quote has had */
        QuoteLines: {
            /** @description Record id (the quote) */
            recordId: string;
            /** @description The version shown */
            version: number;
            /** @description The version being worked on now */
            currentVersion: number;
            /** @description Oldest first */
            versions: components["schemas"]["QuoteVersionSummary"][];
            /** @description When and how the version shown was sent; null while not sent */
            sent: components["schemas"]["QuoteSending"] | (never | null);
            /** @description Its lines and totals; null until the version is priced */
            priced: components["schemas"]["PricedQuote"] | (never | null);
        };
        /** @description The quote document as JSON (format=json): the HTML with its hash */
        QuoteDocument: {
            /** @description Record id (the quote) */
            recordId: string;
            /** @description Quote version */
            version: number;
            /**
             * @description Language
             * @example en
             */
            locale: string;
            /** @description sha256 (hex) of html: for a sent version in its locale, the hash QuoteSent stored */
            documentHash: string;
            /** @description Whether this version was sent */
            sent: boolean;
            /** @description The HTML document */
            html: string;
        };
        CatalogProduct: {
            /**
             * @description SKU
             * @example CRM-ENT-SEAT
             */
            sku: string;
            /** @description Name */
            name: string;
            /**
             * @description Unit
             * @example seat
             */
            unit: string;
            /**
             * @description Family
             * @example subscription
             */
            family: string;
        };
        /** @description One version of a price book; list prices in minor units of its currency */
        PriceBook: {
            /**
             * @description Id
             * @example list-usd-enterprise
             */
            id: string;
            /** @description Version */
            version: number;
            /** @description sha256 of its canonical content */
            contentHash: string;
            /**
             * @description ISO 4217 currency
             * @example USD
             */
            currency: string;
            /**
             * @description Customer segment
             * @example enterprise
             */
            segment: string;
            /**
             * Format: date
             * @description First day in force
             */
            validFrom: string;
            /**
             * Format: date
             * @description Last day in force; null until a later version replaces it
             */
            validUntil: string | null;
            /**
             * @description List price per SKU in minor units
             * @example {
             *       "CRM-ENT-SEAT": 198000
             *     }
             */
            prices: {
                [key: string]: number;
            };
        };
        /** @description What quote lines are priced from (README, Products and price books) */
        Catalog: {
            products: components["schemas"]["CatalogProduct"][];
            /** @description Every version of every price book */
            priceBooks: components["schemas"]["PriceBook"][];
            /**
             * @description Tax rate per region in parts per million
             * @example {
             *       "US-NY": 88750
             *     }
             */
            taxRates: {
                [key: string]: number;
            };
            /**
             * @description Reporting currency
             * @example USD
             */
            reportingCurrency: string;
            /**
             * @description What one unit of each currency is worth in the reporting currency
             * @example {
             *       "CNY": "0.1389"
             *     }
             */
            exchangeRates: {
                [key: string]: string;
            };
        };
        RecordActivityRequest: {
            /**
             * @description The activity type: one of the blueprint’s behaviour rules (scoring.behaviours[].activity)
             * @example demo_requested
             */
            type: string;
            /**
             * Format: date-time
             * @description When it happened: an ISO-8601 date-time with offset, not in the future; default now
             * @example 2026-03-02T09:00:00Z
             */
            occurredAt?: string;
            /**
             * @description Up to 20 short values kept with the activity (campaign, page, …): keys of letters, digits and _, values text (≤ 2,000 characters), numbers or true/false
             * @example {
             *       "campaign": "spring-webinar",
             *       "page": "/pricing"
             *     }
             */
            details?: {
                [key: string]: string | number | boolean;
            };
        };
        /** @description The record a notification is about */
        NotificationRecord: {
            /**
             * @description Record kind
             * @example lead
             */
            kind: string;
            /**
             * @description Record id
             * @example lee
             */
            id: string;
        };
        /** @description The event that caused the notification */
        NotificationSource: {
            /** Format: uuid */
            id: string;
            /**
             * @description Its type
             * @example TimerFired
             */
            type: string;
        };
        /** @description One notification of the caller’s inbox */
        Notification: {
            /** Format: uuid */
            notificationId: string;
            /**
             * @description What it is about: reminder, escalation, approval_requested, approval_granted, approval_rejected, task_assigned, record_stalled, owner_changed
             * @enum {string}
             */
            kind: "reminder" | "escalation" | "approval_requested" | "approval_granted" | "approval_rejected" | "task_assigned" | "record_stalled" | "owner_changed";
            record: components["schemas"]["NotificationRecord"];
            /** @description One line, e.g. "Escalation: Lee Industries (lead lee)" */
            title: string;
            /** @description What happened, for a person */
            body: string;
            sourceEvent: components["schemas"]["NotificationSource"];
            /**
             * Format: date-time
             * @description When it was queued
             */
            queuedAt: string;
            /**
             * Format: date-time
             * @description When the user marked it read; null while unread
             */
            readAt: string | null;
        };
        /** @description One page of the caller’s notifications, newest first */
        NotificationPage: {
            items: components["schemas"]["Notification"][];
            /** @description Pass it as cursor for the next page; null on the last page */
            nextCursor: string | null;
            /** @description How many of the caller’s notifications are unread */
            unread: number;
        };
        /** @description What marking read changed */
        NotificationsRead: {
            /** @description The notifications marked read now; empty when they were read already */
            read: string[];
            /**
             * Format: date-time
             * @description When they were marked; null when nothing was
             */
            readAt: string | null;
        };
        CreateWebhookRequest: {
            /**
             * @description Where deliveries are POSTed: an http or https URL, without user name or password
             * @example https://hooks.example.com/crm
             */
            url: string;
            /**
             * @description What to deliver: record event types (RecordOpened, Transitioned, …) and notification kinds as notification.<kind> (notification.escalation, …)
             * @example [
             *       "Transitioned",
             *       "notification.escalation"
             *     ]
             */
            events: string[];
            /** @description What it is for, for the admins */
            description?: string;
        };
        /** @description A webhook subscription; its secret is never shown again after it is made */
        WebhookSubscription: {
            /** Format: uuid */
            subscriptionId: string;
            /** @description Where deliveries are POSTed */
            url: string;
            /** @description Record event types and notification.<kind> names it delivers */
            events: string[];
            /** @description What it is for */
            description: string | null;
            /** @description The admin who made it */
            createdBy: string;
            /**
             * Format: date-time
             * @description When it was made
             */
            createdAt: string | null;
            /** @enum {string} */
            status: "active" | "deleted";
            /**
             * Format: date-time
             * @description When it was deleted; null while active
             */
            deletedAt: string | null;
        };
        /** @description The new subscription and its secret, shown this once */
        CreatedWebhook: {
            subscription: components["schemas"]["WebhookSubscription"];
            /**
             * @description The HMAC-SHA256 key of X-CRM-Signature; keep it, it is never answered again
             * @example whsec_3q2-7wEXAMPLE
             */
            secret: string;
        };
        /** @description A subscription’s deliveries by status */
        WebhookDeliveryCounts: {
            /** @description Due or under way */
            pending: number;
            /** @description Delivered */
            delivered: number;
            /** @description Dead letters */
            dead: number;
            /** @description Cancelled with their subscription */
            cancelled: number;
        };
        /** @description A subscription with its deliveries counted */
        WebhookSubscriptionListItem: {
            /** Format: uuid */
            subscriptionId: string;
            /** @description Where deliveries are POSTed */
            url: string;
            /** @description Record event types and notification.<kind> names it delivers */
            events: string[];
            /** @description What it is for */
            description: string | null;
            /** @description The admin who made it */
            createdBy: string;
            /**
             * Format: date-time
             * @description When it was made
             */
            createdAt: string;
            /** @enum {string} */
            status: "active" | "deleted";
            /**
             * Format: date-time
             * @description When it was deleted; null while active
             */
            deletedAt: string | null;
            deliveries: components["schemas"]["WebhookDeliveryCounts"];
        };
        /** @description Every subscription, oldest first */
        WebhookSubscriptionList: {
            items: components["schemas"]["WebhookSubscriptionListItem"][];
        };
        /** @description The event a delivery carries */
        WebhookDeliverySource: {
            /** Format: uuid */
            eventId: string;
            /** @description Its stream */
            stream: string;
            /** @description Its type */
            type: string;
        };
        /** @description One attempt of a delivery */
        WebhookAttempt: {
            /** @description 1 for the first; numbered on across replays */
            attempt: number;
            /**
             * Format: date-time
             * @description When it was started
             */
            startedAt: string;
            /**
             * Format: date-time
             * @description When its outcome was recorded; null while under way
             */
            finishedAt: string | null;
            /**
             * @description null while under way
             * @enum {string|null}
             */
            outcome: "delivered" | "failed" | null;
            /** @description The receiver’s HTTP status; null without an answer */
            status: number | null;
            /** @description Why there was no answer (ECONNREFUSED, timed out after 10000 ms) or a redirect not followed */
            error: string | null;
            /** @description How long the request took, ms */
            durationMs: number | null;
            /**
             * Format: date-time
             * @description Failed: when the next attempt is due; null after the last of its series
             */
            nextAttemptAt: string | null;
        };
        /** @description One delivery with every attempt */
        WebhookDelivery: {
            /**
             * Format: uuid
             * @description Also sent as X-CRM-Delivery
             */
            deliveryId: string;
            /** Format: uuid */
            subscriptionId: string;
            /**
             * @description What X-CRM-Event says
             * @example Transitioned
             */
            event: string;
            source: components["schemas"]["WebhookDeliverySource"];
            /**
             * @description pending: an attempt is due or under way; dead: every attempt of its series failed (a dead letter); cancelled: its subscription was deleted
             * @enum {string}
             */
            status: "pending" | "delivered" | "dead" | "cancelled";
            /** @description Attempts whose outcome is recorded */
            attempts: number;
            /**
             * Format: date-time
             * @description Pending: when the next attempt is due
             */
            nextAttemptAt: string | null;
            /** @description The last answer’s HTTP status */
            lastStatus: number | null;
            /** @description Why the last attempt failed */
            lastError: string | null;
            /**
             * Format: date-time
             * @description When it was scheduled
             */
            scheduledAt: string;
            /**
             * Format: date-time
             * @description When it was delivered
             */
            deliveredAt: string | null;
            /**
             * Format: date-time
             * @description When it was dead-lettered; null unless it is a dead letter now
             */
            deadLetteredAt: string | null;
            attemptLog: components["schemas"]["WebhookAttempt"][];
        };
        /** @description One page of deliveries, newest first */
        WebhookDeliveryPage: {
            items: components["schemas"]["WebhookDelivery"][];
            /** @description Pass it as cursor for the next page; null on the last page */
            nextCursor: string | null;
        };
        /** @description A dead letter due again: a new series of attempts */
        ReplayedDelivery: {
            /** Format: uuid */
            deliveryId: string;
            /** @enum {string} */
            status: "pending";
            /** @description Attempts so far; the next is numbered on */
            attempts: number;
            /**
             * Format: date-time
             * @description When the first attempt of the new series is due (now)
             */
            nextAttemptAt: string;
        };
        /** @description The subscription after the change */
        WebhookSubscriptionChange: {
            subscription: components["schemas"]["WebhookSubscription"];
        };
        FieldChange: {
            /** @description The value before; null when it had none */
            from: (string | null) | number | boolean;
            /** @description The value after; null when the field was cleared */
            to: (string | null) | number | boolean;
        };
        /** @description Where an intake lead came from: the key’s source, the sender’s id, campaign and UTM tags */
        LeadCapture: {
            /** @description The intake key’s source, e.g. website */
            source: string;
            /** @description The sender’s id of the lead; with the source it makes the intake idempotent */
            externalId: string;
            /** @description The campaign, when sent */
            campaign: string | null;
            /** @description utm_source, utm_medium, utm_campaign, utm_term, utm_content as sent */
            utm: {
                [key: string]: string;
            };
        };
        /** @description Where a command came from, as its sender said */
        CommandOrigin: {
            /**
             * @description The channel, e.g. cli
             * @example cli
             */
            via: string;
            /** @description The operating-system user that ran it */
            osUser?: string;
        };
        /** @description Who did it and why: the audit trail of every record event */
        RecordEventMetadata: {
            /** @description User id of the actor */
            actor: string;
            /** @description The actor roles when the command was decided */
            roles: string[];
            /** @description The command that stored the event (idempotency:<user>:<key> for a request with an Idempotency-Key) */
            commandId: string;
            /** @description The command this one is part of */
            correlationId: string;
            /** @description The command or event that caused it */
            causationId: string;
            /** @description The blueprint version that decided it */
            blueprint: components["schemas"]["BlueprintRef"];
            /** @description Fingerprint of the command (absent on events stored before it was kept) */
            commandHash?: string;
            origin?: components["schemas"]["CommandOrigin"];
            /**
             * @description Set on history recorded by a history import
             * @enum {boolean}
             */
            imported?: true;
            /** @description Where imported history came from */
            importSource?: string;
            /** @description Schema version of the event type's data, when above 1; older events are shown upcast to the current version (README, Event schema versions) */
            schemaVersion?: number;
        };
        RecordOpenedData: {
            /** @description Record id */
            recordId: string;
            /** @description Record kind */
            kind: string;
            blueprint: components["schemas"]["BlueprintRef"];
            /** @description The stage it was opened in */
            stage: string;
            /** @description Owner user id; null for a lead in the pool */
            owner: string | null;
            /**
             * @description Initial field values
             * @example {
             *       "name": "Globex platform deal",
             *       "amount": 42000
             *     }
             */
            fields: {
                [key: string]: string | number | boolean;
            };
        };
        RecordOpenedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "RecordOpened";
            data: components["schemas"]["RecordOpenedData"];
        };
        FieldsChangedData: {
            /** @description Record id */
            recordId: string;
            /** @description Only the fields whose value changed, by name */
            changes: {
                [key: string]: components["schemas"]["FieldChange"];
            };
        };
        FieldsChangedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "FieldsChanged";
            data: components["schemas"]["FieldsChangedData"];
        };
        TransitionedData: {
            /** @description Record id */
            recordId: string;
            /** @description The transition event (imported when imported history names none) */
            event: string;
            /** @description Stage left */
            from: string;
            /** @description Stage entered */
            to: string;
            /** @description Why, as the actor said; null when not said */
            reason: string | null;
        };
        TransitionedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "Transitioned";
            data: components["schemas"]["TransitionedData"];
        };
        /** @description An imported stage move that no blueprint transition explains; it moves the stage as Transitioned does */
        StageRecordedData: {
            /** @description Record id */
            recordId: string;
            /** @description Stage left */
            from: string;
            /** @description Stage entered */
            to: string;
            /** @description What no transition into the stage satisfied, judged on the fields at that moment */
            unmet: components["schemas"]["UnmetCriterion"][];
        };
        StageRecordedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "StageRecorded";
            data: components["schemas"]["StageRecordedData"];
        };
        OwnerChangedData: {
            /** @description Record id */
            recordId: string;
            /** @description Previous owner; null when unowned */
            from: string | null;
            /** @description New owner; null when returned to the pool */
            to: string | null;
            /** @description Why, when not a person’s choice (e.g. returned to the pool by a timer) */
            reason?: string;
            /** @description The assignment rule that chose the new owner (README, Assignment rules) */
            rule?: string;
            /** @description When returned to the pool (to is null): whose pool it is in, the team of the owner it left; null: everyone’s */
            team?: string | null;
        };
        OwnerChangedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "OwnerChanged";
            data: components["schemas"]["OwnerChangedData"];
        };
        TaskOpenedData: {
            /** @description Record id */
            recordId: string;
            /** Format: uuid */
            taskId: string;
            /** @description The blueprint task template id */
            template: string;
            /** @description What to do */
            title: string;
            /** @description The stage whose entry opened it */
            stage: string;
            /** @description Who should do it; null when the record is unowned */
            assignee: string | null;
            /**
             * Format: date-time
             * @description When it is due; null when the template sets no due date
             */
            dueAt: string | null;
            /**
             * @description Present when the task stays open as its stage is left
             * @enum {boolean}
             */
            keepOpen?: true;
        };
        TaskOpenedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "TaskOpened";
            data: components["schemas"]["TaskOpenedData"];
        };
        TaskCompletedData: {
            /** @description Record id */
            recordId: string;
            /** Format: uuid */
            taskId: string;
            /** @description Who marked it done */
            by: string;
            /** @description What was done, as they said; null when not said */
            note: string | null;
        };
        TaskCompletedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "TaskCompleted";
            data: components["schemas"]["TaskCompletedData"];
        };
        TaskCancelledData: {
            /** @description Record id */
            recordId: string;
            /** Format: uuid */
            taskId: string;
            /**
             * @description stage_left: its stage was left; record_closed: the record reached a final stage
             * @enum {string}
             */
            reason: "stage_left" | "record_closed";
        };
        TaskCancelledEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "TaskCancelled";
            data: components["schemas"]["TaskCancelledData"];
        };
        TaskReassignedData: {
            /** @description Record id */
            recordId: string;
            /** Format: uuid */
            taskId: string;
            /** @description Who had it; null when nobody */
            from: string | null;
            /** @description Who has it now; null when nobody */
            to: string | null;
        };
        TaskReassignedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "TaskReassigned";
            data: components["schemas"]["TaskReassignedData"];
        };
        TimerScheduledData: {
            /** @description Record id */
            recordId: string;
            /**
             * Format: uuid
             * @description This setting of the timer; it fires once
             */
            timerId: string;
            /**
             * @description The blueprint timer id
             * @example remind_uncontacted
             */
            timer: string;
            /** @description The stage whose entry set it */
            stage: string;
            /**
             * Format: date-time
             * @description When it is due (from the business calendar when the timer names one)
             */
            dueAt: string;
            action: components["schemas"]["TimerAction"];
        };
        TimerScheduledEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "TimerScheduled";
            data: components["schemas"]["TimerScheduledData"];
        };
        TimerCancelledData: {
            /** @description Record id */
            recordId: string;
            /** Format: uuid */
            timerId: string;
            /**
             * @description stage_left: its stage was left; rescheduled: set again (e.g. a new owner gets the clocks afresh)
             * @enum {string}
             */
            reason: "stage_left" | "rescheduled";
        };
        TimerCancelledEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "TimerCancelled";
            data: components["schemas"]["TimerCancelledData"];
        };
        TimerFiredData: {
            /** @description Record id */
            recordId: string;
            /** Format: uuid */
            timerId: string;
            /** @description The blueprint timer id */
            timer: string;
            /** @description The stage that set it */
            stage: string;
            action: components["schemas"]["TimerAction"];
            /**
             * @description refused: a fire whose transition the guards refused (unmet says why; a task was opened)
             * @enum {string}
             */
            outcome: "done" | "refused";
            /** @description refused: what blocked the transition; otherwise empty */
            unmet: components["schemas"]["UnmetCriterion"][];
            /** @description The timer’s message (reminders, escalations, releases); null when it has none */
            message: string | null;
            /** @description Who owned the record when it fired; null when unowned */
            owner: string | null;
        };
        TimerFiredEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "TimerFired";
            data: components["schemas"]["TimerFiredData"];
        };
        RecordStalledData: {
            /** @description Record id */
            recordId: string;
            /** @description The stage it is stalled in */
            stage: string;
            /**
             * Format: date-time
             * @description Since when: the moment it entered the stage
             */
            since: string;
        };
        RecordStalledEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "RecordStalled";
            data: components["schemas"]["RecordStalledData"];
        };
        /** @description A user as a command carried them: id and roles when it was decided */
        Actor: {
            /** @description User id */
            id: string;
            /** @description Roles */
            roles: string[];
        };
        /** @description A step the record’s fields made necessary: who is asked */
        ApprovalRequestedStep: {
            /**
             * @description The step as the blueprint titles it
             * @example Sales manager
             */
            title: string;
            /** @description The role that may decide it */
            role?: string;
            /** @description The user who may decide it */
            user?: string;
        };
        ApprovalRequestedData: {
            /** @description Record id */
            recordId: string;
            /** Format: uuid */
            approvalId: string;
            /**
             * @description The transition waiting for approval
             * @example approve
             */
            event: string;
            /** @description Who fired the transition; it fires as them when the chain completes */
            requestedBy: components["schemas"]["Actor"];
            /** @enum {string} */
            mode: "sequential" | "all" | "any";
            /** @description The steps the record’s fields made necessary, in order */
            steps: components["schemas"]["ApprovalRequestedStep"][];
            /** @description Fields the steps’ conditions read; changing one invalidates the request */
            watches: string[];
        };
        ApprovalRequestedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ApprovalRequested";
            data: components["schemas"]["ApprovalRequestedData"];
        };
        ApprovalGrantedData: {
            /** @description Record id */
            recordId: string;
            /** Format: uuid */
            approvalId: string;
            /** @description The step granted, from 0 */
            step: number;
            /** @description Who granted it */
            by: string;
            /** @description The approver’s comment; null when none */
            comment: string | null;
        };
        ApprovalGrantedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ApprovalGranted";
            data: components["schemas"]["ApprovalGrantedData"];
        };
        ApprovalRejectedData: {
            /** @description Record id */
            recordId: string;
            /** Format: uuid */
            approvalId: string;
            /** @description The step rejected, from 0 */
            step: number;
            /** @description Who rejected it */
            by: string;
            /** @description Why */
            reason: string;
        };
        ApprovalRejectedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ApprovalRejected";
            data: components["schemas"]["ApprovalRejectedData"];
        };
        ApprovalInvalidatedData: {
            /** @description Record id */
            recordId: string;
            /** Format: uuid */
            approvalId: string;
            /**
             * @description fields_changed: a field a step’s condition reads changed; stage_left: the record left the stage
             * @enum {string}
             */
            reason: "fields_changed" | "stage_left";
            /** @description fields_changed: the watched fields that changed; otherwise empty */
            fields: string[];
        };
        ApprovalInvalidatedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ApprovalInvalidated";
            data: components["schemas"]["ApprovalInvalidatedData"];
        };
        LeadPooledData: {
            /** @description Record id */
            recordId: string;
            /** @description The team whose pool the lead waits in; null: everyone’s */
            team: string | null;
            /** @description The assignment rule that put it there; null when no rule matched */
            rule: string | null;
            /** @description Why no rep could take it (every rep absent, at capacity, …) */
            reason: string;
        };
        LeadPooledEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "LeadPooled";
            data: components["schemas"]["LeadPooledData"];
        };
        /** @description An activity posted to the record (POST /records/:kind/:id/activities) */
        ActivityRecordedData: {
            /** @description Record id */
            recordId: string;
            /**
             * Format: uuid
             * @description Derived from the command id: a retried activity is the same activity
             */
            activityId: string;
            /**
             * @description The activity type, one of the blueprint’s behaviour rules
             * @example demo_requested
             */
            activity: string;
            /**
             * Format: date-time
             * @description When it happened, as reported (the event’s own occurredAt is when it was recorded)
             */
            occurredAt: string;
            /** @description The short values posted with it (campaign, page, …) */
            details: {
                [key: string]: string | number | boolean;
            };
        };
        ActivityRecordedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ActivityRecorded";
            data: components["schemas"]["ActivityRecordedData"];
        };
        /** @description Points one score rule gave (or took back) in one ScoreChanged */
        ScoreChange: {
            /**
             * @description The rule: an attribute rule’s id or a behaviour rule’s activity
             * @example demo_requested
             */
            rule: string;
            /** @enum {string} */
            kind: "attribute" | "behaviour";
            /** @description Points given (negative: taken) */
            points: number;
        };
        /** @description A score threshold crossed upward, and the transition the lead-scoring reactor fires for it */
        CrossedThreshold: {
            /**
             * @description The threshold id
             * @example mql
             */
            threshold: string;
            /** @description Its points */
            at: number;
            /**
             * @description The transition event fired
             * @example mark_mql
             */
            fire: string;
        };
        ScoreChangedData: {
            /** @description Record id */
            recordId: string;
            /**
             * @description fields: attribute rules after a field change; activity: a behaviour rule; decay: the weekly decay
             * @enum {string}
             */
            reason: "fields" | "activity" | "decay";
            /**
             * Format: uuid
             * @description The activity scored (reason activity); otherwise null
             */
            activityId: string | null;
            /** @description Every rule that gave or took points */
            changes: components["schemas"]["ScoreChange"][];
            /** @description The score before */
            previous: number;
            /** @description The score after */
            score: number;
            /** @description Thresholds crossed upward, lowest first */
            crossed: components["schemas"]["CrossedThreshold"][];
        };
        ScoreChangedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ScoreChanged";
            data: components["schemas"]["ScoreChangedData"];
        };
        /** @description The intake that opened the lead */
        LeadCapturedData: {
            /** @description The intake key’s source, e.g. website */
            source: string;
            /** @description The sender’s id of the lead; with the source it makes the intake idempotent */
            externalId: string;
            /** @description The campaign, when sent */
            campaign: string | null;
            /** @description utm_source, utm_medium, utm_campaign, utm_term, utm_content as sent */
            utm: {
                [key: string]: string;
            };
            /** @description Record id */
            recordId: string;
        };
        LeadCapturedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "LeadCaptured";
            data: components["schemas"]["LeadCapturedData"];
        };
        /** @description Another lead came in as this one: an intake (capture set) or a manual merge (mergedLead set) */
        LeadMergedData: {
            /** @description Record id */
            recordId: string;
            /** @description The merge’s id */
            mergeId: string;
            /** @description The match rule of the lead-matching rule file, or manual */
            rule: string;
            /** @description The rule’s similarity, 1 for exact keys */
            score: number;
            /** @description The lead merged away (manual merges); null for an intake */
            mergedLead: string | null;
            /** @description The intake (a LeadCapture: source, externalId, campaign, utm); null for a manual merge */
            capture: {
                [key: string]: unknown;
            } | null;
            /**
             * @description What came in (normalized)
             * @example {
             *       "name": "Globex platform deal",
             *       "amount": 42000
             *     }
             */
            payload: {
                [key: string]: string | number | boolean;
            };
            /**
             * @description The fields this lead lacked and took from the payload
             * @example {
             *       "name": "Globex platform deal",
             *       "amount": 42000
             *     }
             */
            filled: {
                [key: string]: string | number | boolean;
            };
            /** @description Who merged: the intake key’s actor or the user */
            by: string;
            /** @description The user’s reason for a manual merge */
            reason: string | null;
        };
        LeadMergedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "LeadMerged";
            data: components["schemas"]["LeadMergedData"];
        };
        /** @description This lead was merged into another: closed until a split */
        LeadMergedAwayData: {
            /** @description Record id */
            recordId: string;
            /** @description The lead it went into */
            into: string;
            /** @description The merge’s id */
            mergeId: string;
            /** @description Who merged */
            by: string;
            /** @description The user’s reason */
            reason: string | null;
        };
        LeadMergedAwayEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "LeadMergedAway";
            data: components["schemas"]["LeadMergedAwayData"];
        };
        /** @description A manual merge undone on the survivor */
        LeadSplitData: {
            /** @description Record id */
            recordId: string;
            /** @description The merge undone */
            mergeId: string;
            /** @description The lead that was merged away */
            mergedLead: string;
            /** @description The fields the merge filled that were taken back (those nobody changed since) */
            cleared: string[];
            /** @description Who split */
            by: string;
        };
        LeadSplitEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "LeadSplit";
            data: components["schemas"]["LeadSplitData"];
        };
        /** @description The lead merged away is a lead of its own again */
        LeadRestoredData: {
            /** @description Record id */
            recordId: string;
            /** @description The lead it had gone into */
            from: string;
            /** @description The merge undone */
            mergeId: string;
            /** @description Who split */
            by: string;
        };
        LeadRestoredEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "LeadRestored";
            data: components["schemas"]["LeadRestoredData"];
        };
        /** @description Opened by hand although the match rules found it kept already */
        DuplicateLeadAllowedData: {
            /** @description Record id */
            recordId: string;
            /** @description The user’s reason */
            reason: string;
            /** @description The match rules that found the lead kept already */
            rules: string[];
            /** @description Who opened it */
            by: string;
        };
        DuplicateLeadAllowedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "DuplicateLeadAllowed";
            data: components["schemas"]["DuplicateLeadAllowedData"];
        };
        /** @description A record a conversion opens (with the fields it gets) or links (found by its match) */
        PlannedRecord: {
            /**
             * @description The conversion step, as the blueprint names it
             * @example account
             */
            as: string;
            /**
             * @description Its record kind
             * @example account
             */
            kind: string;
            /** @description Its id (derived from the conversion id when opened, so a resumed conversion opens the same one) */
            recordId: string;
            /** @description Found by its match: linked, not opened */
            found: boolean;
            /** @description Who owns it when opened */
            owner: string;
            /**
             * @description What it is opened with; empty when found
             * @example {
             *       "name": "Globex platform deal",
             *       "amount": 42000
             *     }
             */
            fields: {
                [key: string]: string | number | boolean;
            };
        };
        ConversionStartedData: {
            /** @description Record id (the converted record) */
            recordId: string;
            /** Format: uuid */
            conversionId: string;
            /**
             * @description The converting transition
             * @example convert
             */
            event: string;
            /** @description What it opens or links, in order */
            records: components["schemas"]["PlannedRecord"][];
            /**
             * @description Fields the converting transition sets: the links to what it opens
             * @example {
             *       "name": "Globex platform deal",
             *       "amount": 42000
             *     }
             */
            link: {
                [key: string]: string | number | boolean;
            };
            /** @description Who converts: every step acts as them */
            requestedBy: components["schemas"]["Actor"];
        };
        ConversionStartedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ConversionStarted";
            data: components["schemas"]["ConversionStartedData"];
        };
        /** @description A record a conversion opened or linked */
        ConversionRecord: {
            /**
             * @description The conversion step
             * @example opportunity
             */
            as: string;
            /** @description Its record kind */
            kind: string;
            /** @description Its id */
            recordId: string;
            /** @description Found by its match and linked, not opened (absent on a failed conversion’s list of what it opened) */
            found?: boolean;
        };
        ConversionCompletedData: {
            /** @description Record id (the converted record) */
            recordId: string;
            /** Format: uuid */
            conversionId: string;
            /** @description What it opened or linked */
            records: components["schemas"]["ConversionRecord"][];
        };
        ConversionCompletedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ConversionCompleted";
            data: components["schemas"]["ConversionCompletedData"];
        };
        ConversionFailedData: {
            /** @description Record id (the converted record) */
            recordId: string;
            /** Format: uuid */
            conversionId: string;
            /** @description The step refused; null for the converting transition itself */
            step: string | null;
            /** @description Why it was refused */
            reason: string;
            /**
             * @description The refusal’s error code
             * @example TRANSITION_REFUSED
             */
            code: string;
            /** @description Records opened before the refusal: they stay (an event store removes nothing) */
            opened: components["schemas"]["ConversionRecord"][];
        };
        ConversionFailedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ConversionFailed";
            data: components["schemas"]["ConversionFailedData"];
        };
        /** @description The record decides with another blueprint version from now on (README, Blueprint lifecycle) */
        RecordMigratedData: {
            /** @description Record id */
            recordId: string;
            /** @description The version it was on */
            from: components["schemas"]["BlueprintRef"];
            /** @description The version it is on now */
            to: components["schemas"]["BlueprintRef"];
            /** @description The stage map asked (stage of from → stage of to) */
            stageMap: {
                [key: string]: string;
            };
            /** @description Its stage before */
            fromStage: string;
            /** @description Its stage now */
            toStage: string;
            /** @description Who migrated it */
            actor: string;
            /** @description Why */
            reason: string | null;
            /** @description The target stage’s criteria it broke, kept because the migration was forced; empty otherwise */
            unmet: components["schemas"]["UnmetCriterion"][];
        };
        RecordMigratedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "RecordMigrated";
            data: components["schemas"]["RecordMigratedData"];
        };
        /** @description The record lines were copied from, at the revision they were read */
        LinesSource: {
            /**
             * @description Its kind
             * @example quote
             */
            kind: string;
            /** @description Its id */
            recordId: string;
            /** @description Its revision when the lines were read */
            revision: number;
        };
        /** @description Lines copied from another record when this one was opened (an order from its accepted quote, a renewal from its subscription) */
        LinesCopiedData: {
            /** @description Record id */
            recordId: string;
            source: components["schemas"]["LinesSource"];
            /**
             * @description ISO 4217 code of the amounts
             * @example USD
             */
            currency: string;
            /** @description Digits of the currency’s minor unit */
            minorDigits: number;
            /** @description The source’s lines as it kept them */
            lines: {
                [key: string]: unknown;
            }[];
            /** @description The lines’ total in minor units */
            totalMinor: number;
        };
        LinesCopiedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "LinesCopied";
            data: components["schemas"]["LinesCopiedData"];
        };
        /** @description A payment received through the payments webhook */
        PaymentRecordedData: {
            /** @description Record id */
            recordId: string;
            /** @description The payment system’s id of the payment */
            paymentId: string;
            /** @description In minor units */
            amountMinor: number;
            /**
             * @description ISO 4217
             * @example USD
             */
            currency: string;
            /**
             * Format: date-time
             * @description When the money arrived
             */
            receivedAt: string;
            /** @description Paid so far, this payment included, in minor units */
            paidMinor: number;
            /** @description Left to pay after it, in minor units */
            balanceMinor: number;
        };
        PaymentRecordedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "PaymentRecorded";
            data: components["schemas"]["PaymentRecordedData"];
        };
        QuotePricedData: {
            priceBook: components["schemas"]["PinnedPriceBook"];
            /**
             * @description ISO 4217 currency of the price book
             * @example USD
             */
            currency: string;
            /**
             * @description Tax region of the rate table
             * @example US-NY
             */
            taxRegion: string;
            /** @description Tax rate in parts per million (8.875% is 88750) */
            taxRate: number;
            lines: components["schemas"]["PricedLine"][];
            /** @description Sum of the lines’ gross amounts, in minor units of the currency (cents; yen) */
            subtotal: number;
            /** @description Sum of the lines’ discounts, in minor units of the currency (cents; yen) */
            discount: number;
            /** @description Sum of the lines’ taxes, in minor units of the currency (cents; yen) */
            tax: number;
            /** @description subtotal − discount + tax = the sum of the lines’ totals, in minor units of the currency (cents; yen) */
            total: number;
            /** @description discount ÷ subtotal to 4 decimals: what approval thresholds read */
            effectiveDiscount: number;
            exchange: components["schemas"]["QuoteExchange"];
            /** @description Record id (the quote) */
            recordId: string;
            /** @description The quote version the lines belong to */
            quoteVersion: number;
        };
        QuotePricedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "QuotePriced";
            data: components["schemas"]["QuotePricedData"];
        };
        QuoteRevisedData: {
            /** @description Record id (the quote) */
            recordId: string;
            /** @description The version kept in history */
            from: number;
            /** @description The version now being changed */
            to: number;
            /** @description Why it was revised */
            reason: string | null;
        };
        QuoteRevisedEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "QuoteRevised";
            data: components["schemas"]["QuoteRevisedData"];
        };
        QuoteSentData: {
            /** @description Record id (the quote) */
            recordId: string;
            /** @description The version sent */
            quoteVersion: number;
            /**
             * @description Document language
             * @example en
             */
            locale: string;
            /** @description sha256 (hex) of the HTML document sent: GET /records/quote/{id}/document answers the same bytes */
            documentHash: string;
            /** @description What the document showed of the fields */
            documentFields: components["schemas"]["QuoteDocumentFields"];
            /** @description Total sent, in minor units of the currency (cents; yen) */
            total: number;
            /** @description Its currency */
            currency: string;
        };
        QuoteSentEvent: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "QuoteSent";
            data: components["schemas"]["QuoteSentData"];
        };
        RecordOpenedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "RecordOpened";
            data: components["schemas"]["RecordOpenedData"];
        };
        FieldsChangedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "FieldsChanged";
            data: components["schemas"]["FieldsChangedData"];
        };
        TransitionedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "Transitioned";
            data: components["schemas"]["TransitionedData"];
        };
        StageRecordedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "StageRecorded";
            data: components["schemas"]["StageRecordedData"];
        };
        OwnerChangedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "OwnerChanged";
            data: components["schemas"]["OwnerChangedData"];
        };
        TaskOpenedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "TaskOpened";
            data: components["schemas"]["TaskOpenedData"];
        };
        TaskCompletedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "TaskCompleted";
            data: components["schemas"]["TaskCompletedData"];
        };
        TaskCancelledHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "TaskCancelled";
            data: components["schemas"]["TaskCancelledData"];
        };
        TaskReassignedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "TaskReassigned";
            data: components["schemas"]["TaskReassignedData"];
        };
        TimerScheduledHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "TimerScheduled";
            data: components["schemas"]["TimerScheduledData"];
        };
        TimerCancelledHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "TimerCancelled";
            data: components["schemas"]["TimerCancelledData"];
        };
        TimerFiredHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "TimerFired";
            data: components["schemas"]["TimerFiredData"];
        };
        RecordStalledHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "RecordStalled";
            data: components["schemas"]["RecordStalledData"];
        };
        ApprovalRequestedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ApprovalRequested";
            data: components["schemas"]["ApprovalRequestedData"];
        };
        ApprovalGrantedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ApprovalGranted";
            data: components["schemas"]["ApprovalGrantedData"];
        };
        ApprovalRejectedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ApprovalRejected";
            data: components["schemas"]["ApprovalRejectedData"];
        };
        ApprovalInvalidatedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ApprovalInvalidated";
            data: components["schemas"]["ApprovalInvalidatedData"];
        };
        LeadPooledHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "LeadPooled";
            data: components["schemas"]["LeadPooledData"];
        };
        ActivityRecordedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ActivityRecorded";
            data: components["schemas"]["ActivityRecordedData"];
        };
        ScoreChangedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ScoreChanged";
            data: components["schemas"]["ScoreChangedData"];
        };
        LeadCapturedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "LeadCaptured";
            data: components["schemas"]["LeadCapturedData"];
        };
        LeadMergedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "LeadMerged";
            data: components["schemas"]["LeadMergedData"];
        };
        LeadMergedAwayHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "LeadMergedAway";
            data: components["schemas"]["LeadMergedAwayData"];
        };
        LeadSplitHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "LeadSplit";
            data: components["schemas"]["LeadSplitData"];
        };
        LeadRestoredHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "LeadRestored";
            data: components["schemas"]["LeadRestoredData"];
        };
        DuplicateLeadAllowedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "DuplicateLeadAllowed";
            data: components["schemas"]["DuplicateLeadAllowedData"];
        };
        ConversionStartedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ConversionStarted";
            data: components["schemas"]["ConversionStartedData"];
        };
        ConversionCompletedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ConversionCompleted";
            data: components["schemas"]["ConversionCompletedData"];
        };
        ConversionFailedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "ConversionFailed";
            data: components["schemas"]["ConversionFailedData"];
        };
        RecordMigratedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "RecordMigrated";
            data: components["schemas"]["RecordMigratedData"];
        };
        LinesCopiedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "LinesCopied";
            data: components["schemas"]["LinesCopiedData"];
        };
        PaymentRecordedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "PaymentRecorded";
            data: components["schemas"]["PaymentRecordedData"];
        };
        QuotePricedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "QuotePriced";
            data: components["schemas"]["QuotePricedData"];
        };
        QuoteRevisedHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "QuoteRevised";
            data: components["schemas"]["QuoteRevisedData"];
        };
        QuoteSentHistoryEntry: {
            /**
             * Format: uuid
             * @description Event id, derived from the command id (so a retry stores nothing new)
             */
            id: string;
            /** @description Position of the event in the record stream, from 0 */
            revision: number;
            metadata: components["schemas"]["RecordEventMetadata"];
            /**
             * Format: date-time
             * @description Business time
             */
            occurredAt: string;
            /**
             * @description Global position in the event store
             * @example C:42/P:42
             */
            position: string;
            /**
             * Format: date-time
             * @description When the store recorded it (differs from occurredAt for imported history)
             */
            recordedAt: string;
            /**
             * @description The event type
             * @enum {string}
             */
            type: "QuoteSent";
            data: components["schemas"]["QuoteSentData"];
        };
        /** @description What became of one lead taken in */
        IntakeResult: {
            /** @description The sender’s id of the lead */
            externalId: string;
            /**
             * @description created: a new lead; merged: into a lead kept already (LeadMerged)
             * @enum {string}
             */
            status: "created" | "merged";
            /** @description The lead it is now */
            recordId: string;
            /** @description The match rule it merged by; null for a new lead */
            rule: string | null;
            /** @description An IntakeReview (recordId, rule, score) when a near match opened a review task; null when none */
            review: {
                [key: string]: unknown;
            } | null;
        };
        IntakeBatchResult: {
            /** @description One per lead, in the order sent */
            results: components["schemas"]["IntakeResult"][];
        };
        /** @description A near match below the rule’s threshold: a review task was opened on the new lead */
        IntakeReview: {
            /** @description The lead it may be */
            recordId: string;
            /** @description The match rule */
            rule: string;
            /** @description The similarity, 0..1 */
            score: number;
        };
        /** @description A record a conversion opened or found */
        ConvertedRecord: {
            /**
             * @description The conversion step, as the blueprint names it
             * @example account
             */
            as: string;
            /**
             * @description Its record kind
             * @example account
             */
            kind: string;
            /** @description Its id */
            recordId: string;
            /** @description Found by its match and linked, not opened */
            found: boolean;
        };
        /** @description The record’s latest conversion (a lead into an opportunity with its account and contact) */
        Conversion: {
            /** Format: uuid */
            conversionId: string;
            /**
             * @description The converting transition
             * @example convert
             */
            event: string;
            /**
             * @description pending: under way (a crash left it; it is carried on); failed: a step was refused
             * @enum {string}
             */
            status: "pending" | "completed" | "failed";
            /**
             * Format: date-time
             * @description When it was committed
             */
            startedAt: string;
            /** @description Who converted */
            requestedBy: string;
            /** @description The records it opens or links, in order */
            records: components["schemas"]["ConvertedRecord"][];
            /** @description failed: why; null otherwise */
            reason: string | null;
            /** @description failed: the refusal’s error code; null otherwise */
            code: string | null;
            /** @description failed: the step refused (null: the converting transition itself) */
            step: string | null;
        };
        /** @description Something about the event log an operator should know, although every call still works */
        StoreWarning: {
            /** @enum {string} */
            code: "FOREIGN_EVENTS_SKIPPED" | "ACCESS_DENIED" | "LOG_RESET";
            /** @description How many times since the app started (distinct events, for skipped ones) */
            count: number;
            /** @description The last occurrence, by name */
            message: string;
            /** @description When it last happened (ISO-8601) */
            lastAt: string;
        };
        StoreHealth: {
            /**
             * @description The event store in use
             * @example sqlite
             */
            kind: string;
            /**
             * @description Its head; null when empty
             * @example C:42/P:42
             */
            headPosition: string | null;
            /** @description Events of other tools read past, refusals of the server, log resets; empty when all is well */
            warnings: components["schemas"]["StoreWarning"][];
        };
        ProjectionLag: {
            /** @description Projection name */
            projection: string;
            /** @enum {string} */
            state: "catching_up" | "live" | "rebuilding" | "failed" | "stopped" | "not_installed";
            /** @description Events stored after its checkpoint */
            lag: number;
        };
        ProjectionsHealth: {
            /** @description The largest lag; 0 when every read model is at the head */
            maxLag: number;
            byProjection: components["schemas"]["ProjectionLag"][];
        };
        /** @description The scheduler that fires due timers in this process */
        TimersHealth: {
            /**
             * @description running: fires due timers as they come; retrying: waiting after a failure (lastError); manual: fires only when the host runs it (an injected clock)
             * @enum {string}
             */
            state: "stopped" | "running" | "retrying" | "manual";
            /** @description Timers due now in the timers read model (a fired one until the read model follows it); null when it cannot answer */
            due: number | null;
            /**
             * Format: date-time
             * @description The earliest due time among them; null when none is due
             */
            oldestDueAt: string | null;
            /** @description FireTimer commands answered with the timer’s events since the process started */
            fired: number;
            /** @description Timers the domain refused to fire (logged with the reason), not tried again until the process restarts */
            refused: number;
            /** @description CODE: message of the last failure (the store or the read model could not be used); null if none */
            lastError: string | null;
        };
        /** @description What /health tells a caller with a valid token */
        Health: {
            /** @enum {string} */
            status: "up";
            store: components["schemas"]["StoreHealth"];
            /** @description Ids of the loaded blueprints */
            blueprints: string[];
            /** @description Problems of the blueprint files start-up skipped (the others loaded); empty when every file loaded */
            blueprintProblems: components["schemas"]["BlueprintProblem"][];
            /** @description How far the read models trail the log */
            projections: components["schemas"]["ProjectionsHealth"];
            timers: components["schemas"]["TimersHealth"];
        };
        /** @description What /health tells a caller without a token: nothing about the store, the blueprints or the data */
        Liveness: {
            /**
             * @description down (with 503) when the event store cannot answer a read
             * @enum {string}
             */
            status: "up" | "down";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Health with a token, Liveness without */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"] | components["schemas"]["Liveness"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Without a token: { status: down } when the event store cannot answer a read; with one, the error body */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Liveness"] | components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    BlueprintsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlueprintSummary"][];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    BlueprintsController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BlueprintSourceRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedBlueprint"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    BlueprintsController_get: {
        parameters: {
            query?: {
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlueprintDetail"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    BlueprintsController_versions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlueprintVersions"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    BlueprintsController_diff: {
        parameters: {
            query: {
                /** @description The older version */
                from: number;
                /** @description The newer version */
                to: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlueprintDiff"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    BlueprintsController_export: {
        parameters: {
            query: {
                /** @description xstate: machine JSON for the Stately visualizer; mermaid: stateDiagram-v2 with criteria and roles on the edges */
                format: "xstate" | "mermaid";
                /** @description The version; default the latest */
                version?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlueprintExport"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    BlueprintsController_draft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlueprintDraft"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    BlueprintsController_saveDraft: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BlueprintSourceRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlueprintDraft"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    BlueprintsController_planMigration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MigrationPlanRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationPlan"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    BlueprintsController_migrate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MigrationRequestBody"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MigrationResult"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    BlueprintsController_whatIf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WhatIfRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WhatIfReport"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RecordsController_list: {
        parameters: {
            query?: {
                /** @description Only records in this stage (at asOf) */
                stage?: string;
                /** @description Only records owned by this user id (at asOf) */
                owner?: string;
                /** @description Case-insensitive part of the name (name, else title, else company) */
                text?: string;
                /** @description Business time: YYYY-MM-DD (end of that day, UTC) or ISO date-time with offset; default now */
                asOf?: string;
                /** @description Page size 1-500, default 50 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Only records pinned to this version of their blueprint now (after migrations) */
                blueprintVersion?: number;
                /** @description all (default), or conforming: without the records whose history has a StageRecorded (an imported move no blueprint transition explains) */
                conformance?: "all" | "conforming";
                /** @description true: only unowned records — for leads, the pool: everyone’s and, for reps and managers, their own team’s (README, Lead pool) */
                pool?: "true" | "false";
            };
            header?: never;
            path: {
                kind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordPage"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RecordsController_open: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key store nothing new and get the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                kind: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenRecordRequest"];
            };
        };
        responses: {
            /** @description Opened (or the first answer, for a retried Idempotency-Key) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordWriteResult"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RecordsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordView"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RecordsController_update: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key store nothing new and get the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                kind: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateFieldsRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordWriteResult"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RecordsController_advance: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key store nothing new and get the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                kind: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FireTransitionRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordWriteResult"];
                };
            };
            /** @description Approvers were asked (ApprovalRequested); the transition fires when the chain completes */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordWriteResult"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RecordsController_completeTask: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key store nothing new and get the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                kind: string;
                id: string;
                taskId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteTaskRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordWriteResult"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RecordsController_grantApproval: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key store nothing new and get the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                kind: string;
                id: string;
                approvalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GrantApprovalRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordWriteResult"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RecordsController_rejectApproval: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key store nothing new and get the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                kind: string;
                id: string;
                approvalId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectApprovalRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordWriteResult"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RecordsController_reassign: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key store nothing new and get the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                kind: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReassignRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordWriteResult"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RecordsController_history: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                kind: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordHistory"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LeadPoolController_claim: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key store nothing new and get the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                kind: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimLeadRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordWriteResult"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LeadPoolController_release: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key store nothing new and get the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                kind: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReleaseLeadRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordWriteResult"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    TasksController_list: {
        parameters: {
            query?: {
                /** @description Only records of this kind; 404 when no blueprint governs it; default every kind */
                kind?: string;
                /** @description Page size 1-500, default 50 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Whose tasks: me (default) or a user id; only tasks of records you may read are listed */
                owner?: string;
                /** @description open (default): not done nor cancelled; overdue: open and past its due time; done: completed; all: every task, cancelled ones too */
                status?: "open" | "overdue" | "done" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskPage"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ApprovalsController_list: {
        parameters: {
            query?: {
                /** @description Only records of this kind; 404 when no blueprint governs it; default every kind */
                kind?: string;
                /** @description Page size 1-500, default 50 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description me (the default and only choice): requests with a step you may decide now, by your role or by name, not your own */
                waitingFor?: "me";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitingApprovalPage"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PipelineController_get: {
        parameters: {
            query?: {
                /** @description Record kind; default opportunity; 404 when no blueprint governs it */
                kind?: string;
                /** @description Business time: YYYY-MM-DD (end of that day, UTC) or ISO date-time with offset; default now */
                asOf?: string;
                /** @description A deal is stalled after this many days in its stage; default 30 */
                stalledAfterDays?: number;
                /** @description all (default), or conforming: without the records whose history has a StageRecorded (an imported move no blueprint transition explains) */
                conformance?: "all" | "conforming";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineReport"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ForecastController_get: {
        parameters: {
            query?: {
                /** @description Record kind; default opportunity; 404 when no blueprint governs it */
                kind?: string;
                /** @description Business time: YYYY-MM-DD (end of that day, UTC) or ISO date-time with offset; default now */
                asOf?: string;
                /** @description Period size; default quarter */
                periodKind?: "month" | "quarter";
                /** @description First period reported, of periodKind (2026-03 or 2026-Q1); default: every period with deals */
                from?: string;
                /** @description Last period reported, included, of periodKind; not before from */
                to?: string;
                /** @description Rows per owner, team or one total; default owner */
                groupBy?: "owner" | "team" | "total";
                /** @description all (default), or conforming: without the records whose history has a StageRecorded (an imported move no blueprint transition explains) */
                conformance?: "all" | "conforming";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForecastReport"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ForecastController_accuracy: {
        parameters: {
            query?: {
                /** @description Record kind; default opportunity; 404 when no blueprint governs it */
                kind?: string;
                /** @description Business time: YYYY-MM-DD (end of that day, UTC) or ISO date-time with offset; default now */
                asOf?: string;
                /** @description Period size; default quarter */
                periodKind?: "month" | "quarter";
                /** @description First period reported, of periodKind (2026-03 or 2026-Q1); default: every period with deals */
                from?: string;
                /** @description Last period reported, included, of periodKind; not before from */
                to?: string;
                /** @description Rows per owner, team or one total; default total */
                groupBy?: "owner" | "team" | "total";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AccuracyReport"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ForecastController_takeSnapshot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TakeForecastSnapshotRequest"];
            };
        };
        responses: {
            /** @description taken before (alreadyTaken: true); the stored one is answered */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForecastSnapshot"];
                };
            };
            /** @description taken now */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForecastSnapshot"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    FunnelController_get: {
        parameters: {
            query?: {
                /** @description Record kind; default opportunity; 404 when no blueprint governs it */
                kind?: string;
                /** @description Business time: YYYY-MM-DD (end of that day, UTC) or ISO date-time with offset; default now */
                asOf?: string;
                /** @description Cohort window start: records opened at or after it (YYYY-MM-DD = that day 00:00 UTC) */
                from?: string;
                /** @description Cohort window end, excluded */
                to?: string;
                /** @description Group by cohort (entry period), owner, team or a field the blueprint declares groupable (enum, reference, groupable: true); default one group "all". Anything else is 400 INVALID_QUERY listing the allowed dimensions */
                by?: string;
                /** @description Cohort size when by=cohort; default month */
                cohort?: "month" | "quarter";
                /** @description The groupable field that says why a record was lost; default: the one its blueprint asks for. Any other field is 400 INVALID_QUERY */
                lostReasonField?: string;
                /** @description all (default), or conforming: without the records whose history has a StageRecorded (an imported move no blueprint transition explains) */
                conformance?: "all" | "conforming";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FunnelReport"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AnalyticsController_get: {
        parameters: {
            query?: {
                /** @description Record kind; default opportunity; 404 when no blueprint governs it */
                kind?: string;
                /** @description Business time: YYYY-MM-DD (end of that day, UTC) or ISO date-time with offset; default now */
                asOf?: string;
                /** @description The period measured: a quarter (2026-Q1) or a month (2026-03); default the quarter of asOf */
                period?: string;
                /** @description One row per value of this dimension, besides the total */
                by?: "owner" | "team" | "region" | "product" | "source" | "account" | "blueprintVersion" | "outcome" | "origin" | "cohort";
                /** @description Only the deals whose owner (at asOf) is this value ((none): without one) */
                owner?: string;
                /** @description Only the deals whose team (teams table) is this value ((none): without one) */
                team?: string;
                /** @description Only the deals whose owner region (teams table) is this value ((none): without one) */
                region?: string;
                /** @description Only the deals whose product field is this value ((none): without one) */
                product?: string;
                /** @description Only the deals whose source field is this value ((none): without one) */
                source?: string;
                /** @description Only the deals whose account field (record id) is this value ((none): without one) */
                account?: string;
                /** @description Only the deals whose pinned blueprint version is this value ((none): without one) */
                blueprintVersion?: string;
                /** @description Only the deals whose outcome at asOf (won, lost, open) is this value ((none): without one) */
                outcome?: string;
                /** @description Only the deals whose origin (imported or live) is this value ((none): without one) */
                origin?: string;
                /** @description Only the deals whose cohort (period opened in) is this value ((none): without one) */
                cohort?: string;
                /** @description Measure the sales cycle from first entering this stage; default from opening */
                cycleFrom?: string;
                /** @description Time in stage over the deals with this outcome at asOf only; default every deal */
                stageOutcome?: "won" | "lost" | "open";
                /** @description Cohort size for the cohort dimension; default the period kind */
                cohortSize?: "month" | "quarter";
                /** @description all (default), or conforming: without the records whose history has a StageRecorded (an imported move no blueprint transition explains) */
                conformance?: "all" | "conforming";
                /** @description json (default) or csv: one figure a line, period,asOf,group,metric,part,value */
                format?: "json" | "csv";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report (JSON), or with format=csv its figures as CSV */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SalesAnalyticsReport"];
                    "text/csv": string;
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AnalyticsController_explain: {
        parameters: {
            query: {
                /** @description Record kind; default opportunity; 404 when no blueprint governs it */
                kind?: string;
                /** @description Business time: YYYY-MM-DD (end of that day, UTC) or ISO date-time with offset; default now */
                asOf?: string;
                /** @description The period measured: a quarter (2026-Q1) or a month (2026-03); default the quarter of asOf */
                period?: string;
                /** @description One row per value of this dimension, besides the total */
                by?: "owner" | "team" | "region" | "product" | "source" | "account" | "blueprintVersion" | "outcome" | "origin" | "cohort";
                /** @description Only the deals whose owner (at asOf) is this value ((none): without one) */
                owner?: string;
                /** @description Only the deals whose team (teams table) is this value ((none): without one) */
                team?: string;
                /** @description Only the deals whose owner region (teams table) is this value ((none): without one) */
                region?: string;
                /** @description Only the deals whose product field is this value ((none): without one) */
                product?: string;
                /** @description Only the deals whose source field is this value ((none): without one) */
                source?: string;
                /** @description Only the deals whose account field (record id) is this value ((none): without one) */
                account?: string;
                /** @description Only the deals whose pinned blueprint version is this value ((none): without one) */
                blueprintVersion?: string;
                /** @description Only the deals whose outcome at asOf (won, lost, open) is this value ((none): without one) */
                outcome?: string;
                /** @description Only the deals whose origin (imported or live) is this value ((none): without one) */
                origin?: string;
                /** @description Only the deals whose cohort (period opened in) is this value ((none): without one) */
                cohort?: string;
                /** @description Measure the sales cycle from first entering this stage; default from opening */
                cycleFrom?: string;
                /** @description Time in stage over the deals with this outcome at asOf only; default every deal */
                stageOutcome?: "won" | "lost" | "open";
                /** @description Cohort size for the cohort dimension; default the period kind */
                cohortSize?: "month" | "quarter";
                /** @description all (default), or conforming: without the records whose history has a StageRecorded (an imported move no blueprint transition explains) */
                conformance?: "all" | "conforming";
                /** @description json (default) or csv: one figure a line, period,asOf,group,metric,part,value */
                format?: "json" | "csv";
                /** @description The metric whose figure is explained */
                metric: "winRate" | "salesCycle" | "timeInStage" | "averageDealSize" | "velocity" | "coverage" | "aging" | "slippage" | "forecastAccuracy" | "reconciliation" | "pipeline" | "forecast" | "funnel";
                /** @description The row (a value of by); default the total */
                group?: string;
                /** @description Stage (time in stage, aging, reconciliation, pipeline) */
                stage?: string;
                /** @description Aging bucket */
                bucket?: "0-6" | "7-29" | "30-59" | "60-89" | "90+";
                /** @description Forecast category (forecast accuracy, forecast: also closed_won, closed_lost) */
                category?: string;
                /** @description Reconciliation column (atStart, entered, left, atEnd) or funnel column (entered, advanced, lost, won) */
                column?: "atStart" | "entered" | "left" | "atEnd" | "advanced" | "lost" | "won";
                /** @description At most this many readable records listed with their events; default 100 */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FigureExplanation"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProjectionsController_status: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectionStatuses"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ProjectionsController_rebuild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectionRebuilt"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    IntakeController_take: {
        parameters: {
            query?: never;
            header: {
                /** @description ik_<id>.<secret>, from POST /intake/keys */
                "X-Intake-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description A web form: `externalId` (the sender’s id of the lead; with the key’s source it makes a retry store nothing new), optional `campaign` and `utm_source`, `utm_medium`, `utm_campaign`, `utm_term`, `utm_content`; every other key is a lead field (empty values are left out). Or a batch: `{ "leads": [form, …] }` of up to 1,000. */
        requestBody: {
            content: {
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description One lead: its result; a batch: `{ results }` in the order sent */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntakeResult"] | components["schemas"]["IntakeBatchResult"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description An intake key is over its rate; the Retry-After header (and details.retryAfterSeconds) says when to try again */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RateLimitedError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    IntakeController_listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntakeKeyList"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    IntakeController_createKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIntakeKeyRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedIntakeKey"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    IntakeController_revokeKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntakeKey"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    IntakeController_merge: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key store nothing new and get the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MergeLeadRequest"];
            };
        };
        responses: {
            /** @description This lead after the merge */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordWriteResult"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    IntakeController_split: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key store nothing new and get the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SplitLeadRequest"];
            };
        };
        responses: {
            /** @description This lead after the split */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordWriteResult"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AbsencesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AbsenceList"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AbsencesController_declare: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key store nothing new and get the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                user: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclareAbsenceRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Absence"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AbsencesController_cancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key store nothing new and get the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                user: string;
                absenceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AbsenceList"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    OrdersController_recordPayment: {
        parameters: {
            query?: never;
            header: {
                /** @description sha256=<hex HMAC-SHA256 of the raw body> */
                "X-Payment-Signature": string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description The payment system's notice: its `id` of the payment (a notice sent again with it stores nothing new), the `order` paid, the `amount` in minor units (cents) and its `currency`, and when it was `receivedAt`. */
        requestBody: {
            content: {
                "application/json": {
                    id: string;
                    order: string;
                    amount: number;
                    /** @example USD */
                    currency: string;
                    /** Format: date-time */
                    receivedAt?: string;
                };
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentReceipt"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    OrdersController_issueAcceptanceLink: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptanceLinkRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AcceptanceLink"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    OrdersController_acceptQuote: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["QuoteAcceptanceRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuoteAcceptance"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A customer’s quote acceptance link that expired or was used already: the rep issues a new one */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GoneError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    QuotesController_lines: {
        parameters: {
            query?: {
                /** @description A quote version; default the current one */
                version?: number;
            };
            header?: never;
            path: {
                kind: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuoteLines"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    QuotesController_price: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key store nothing new and get the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                kind: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PriceQuoteRequest"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordWriteResult"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    QuotesController_document: {
        parameters: {
            query?: {
                /** @description A quote version; default the current one */
                version?: number;
                /** @description Language; default the quote’s language field, else en */
                locale?: "en" | "zh-CN";
                /** @description html (the contract, default), pdf (printed from it by headless Chromium), or json (the HTML with its hash) */
                format?: "html" | "pdf" | "json";
            };
            header?: never;
            path: {
                kind: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The document: text/html (default), application/pdf (format=pdf), or JSON (format=json) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QuoteDocument"];
                    "text/html": string;
                    "application/pdf": string;
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CatalogController_catalog: {
        parameters: {
            query?: {
                /** @description Only price books in this currency */
                currency?: string;
                /** @description Only price books for this segment */
                segment?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Catalog"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    ActivitiesController_record: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retries with the same key store nothing new and get the first answer */
                "Idempotency-Key"?: string;
            };
            path: {
                kind: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordActivityRequest"];
            };
        };
        responses: {
            /** @description Recorded (or the first answer, for a retried Idempotency-Key) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RecordWriteResult"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The transition is refused (details.unmet lists every unmet criterion), the record is closed, a change would break what the stage required (details.unmet), an idempotency key was reused for another command, a claim over the pool’s cap or within its cool-down, or quote lines the catalog cannot price (unknown SKU or price book, expired price book, unknown tax region) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnprocessableError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                /** @description true: only those not read yet; default false (all) */
                unread?: "true" | "false";
                /** @description Page size 1-200, default 50 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    NotificationsController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationsRead"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    NotificationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationsRead"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionList"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhooksController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateWebhookRequest"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedWebhook"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description The JSON body is larger than 1 MiB */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PayloadTooLargeError"];
                };
            };
            /** @description The body is neither application/json nor text/plain */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnsupportedMediaTypeError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhooksController_deadLetters: {
        parameters: {
            query?: {
                /** @description Page size 1-200, default 50 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhooksController_replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Due again; the delivery worker sends it */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReplayedDelivery"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A concurrency conflict (details.currentRevision), a record id already taken, a task or approval request no longer open, a pool lead claimed by another or already in the pool, a quote whose lines change outside its first stage, a rebuild another process swapped in first, or a webhook delivery that is not dead-lettered (replay) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ConflictError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhooksController_delete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptionChange"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    WebhooksController_deliveries: {
        parameters: {
            query?: {
                /** @description Page size 1-200, default 50 */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
                /** @description Only deliveries in this state */
                status?: "pending" | "delivered" | "dead" | "cancelled";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
                };
            };
            /** @description The request is malformed or invalid: a body or query that breaks the rules, invalid field values, an unknown event or activity type, a bad URL, a webhook that cannot be kept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BadRequestError"];
                };
            };
            /** @description No, a malformed, expired or forged token, or an unknown user */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnauthenticatedError"];
                };
            };
            /** @description A role rule forbids it; details.rule names the rule */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForbiddenError"];
                };
            };
            /** @description Unknown kind, record, task or approval request of the record, blueprint, projection, notification, webhook subscription or delivery, quote version with lines, or route */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotFoundError"];
                };
            };
            /** @description A path segment (kind, record id) is longer than 128 characters */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UriTooLongError"];
                };
            };
            /** @description The event store or the read-model file cannot be used, a read model is not built, or no Chromium can print a PDF */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnavailableError"];
                };
            };
            /** @description Any other refusal (408, 431, 500, …), with the same body */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
