<#-- Shared Markdown macros of the built-in pack templates. Data is escaped by the Markdown output format. -->
<#assign headingFieldTypes = ["security_posture", "cost_forecast"]>
<#macro fn val><#if val.footnote??>[^${val.footnote?c}]</#if></#macro>
<#macro sfn line><#if pack.summary[line + "Footnote"]??>[^${pack.summary[line + "Footnote"]?c}]</#if></#macro>
<#macro v val>${val.text}<@fn val/><#if val.anomaly> ⚠ anomaly</#if></#macro>
<#macro judged val><#if val.deltaText??> (${val.deltaText} vs ${val.previousText}<#if val.good??>, <#if val.good>better<#else>worse</#if></#if>)</#if></#macro>
<#macro header>
_${pack.availability.line} · as of ${pack.asOf} (${pack.zone}) · ${pack.period.label} compared with ${pack.previousPeriod.label}_
<#if pack.summary??>

> **Summary**
> - ${pack.summary.headline}<@sfn "headline"/>
> - ${pack.summary.biggestRisk}<@sfn "biggestRisk"/>
> - ${pack.summary.biggestWin}<@sfn "biggestWin"/>
> - ${pack.summary.decisionsNeeded}<@sfn "decisionsNeeded"/>
</#if>
</#macro>
<#macro table t>
<#if t.caption?has_content>

**${t.caption}**
</#if>

| <#list t.columns as c>${c}<#sep> | </#list> |
|<#list t.columns as c>${""?left_pad(c?length + 2, "-")}<#sep>|</#list>|
<#list t.rows as row>
| <#list row as c><@v c/><#sep> | </#list> |
</#list>
<#if !t.rows?has_content && t.emptyText?has_content>
| ${t.emptyText} |<#list 1..<t.columns?size as i> |</#list>

</#if>
</#macro>
<#macro fields s>
<#list s.fields as f>
<#if headingFieldTypes?seq_contains(s.type)>

### ${f.label}: <@v f.value/><@judged f.value/>
<#else>
- ${f.label}: <@v f.value/><@judged f.value/>
</#if>
</#list>
</#macro>
<#macro executive_summary s>
<#assign score = s.fieldsByKey.health_score.value>
<#assign status = s.fieldsByKey.health_status.value>
**Overall Health Score: <@v score/> (${status.text})**<@judged score/>
</#macro>
<#macro quarter_summary s>
**Health Score Trend**: <@v s.fieldsByKey.q_start_score.value/> → <@v s.fieldsByKey.q_end_score.value/>
</#macro>
<#macro chart c>

**Chart: ${c.title}**<#if !c.available> ${c.text}</#if>

_${c.alt}_
<#if c.available>

| <#list c.columns as col>${col}<#sep> | </#list> |
|<#list c.columns as col>${""?left_pad(col?length + 2, "-")}<#sep>|</#list>|
<#list c.rows as row>
| <#list row as cell>${cell}<#sep> | </#list> |
</#list>
</#if>
</#macro>
<#macro section s>
<#if s.title?has_content && !headingFieldTypes?seq_contains(s.type)>

### ${s.title}
</#if>
<#if s.window?? && !headingFieldTypes?seq_contains(s.type)>

_Window: ${s.window.label}<#if s.previousWindow??> · compared with ${s.previousWindow.label}</#if>_
</#if>
<#if s.stale??>

**Stale:** ${s.stale}
</#if>
<#if !s.available && !s.fields?has_content && !s.tables?has_content>

n/a (${s.unavailableReason})
</#if>
<#if s.type == "executive_summary" && s.fieldsByKey.health_score??>

<@executive_summary s/>
<#elseif s.type == "quarter_summary" && s.fieldsByKey.q_start_score??>

<@quarter_summary s/>
<#elseif s.fields?has_content>
<#if !headingFieldTypes?seq_contains(s.type)>

</#if>
<@fields s/>
</#if>
<#list s.tables as t><@table t/></#list>
<#if s.items?has_content>

<#list s.items as i>
- <@v i/><@judged i/>
</#list>
<#elseif s.available && s.emptyText?has_content>

${s.emptyText}
</#if>
<#list s.charts as c><@chart c/></#list>
<#if s.window?? && headingFieldTypes?seq_contains(s.type)>

_Window: ${s.window.label}<#if s.previousWindow??> · compared with ${s.previousWindow.label}</#if>_
</#if>
<#if s.note?has_content>

_${s.note}_
</#if>
</#macro>
<#macro sections><#list pack.sections as s><@section s/></#list></#macro>
<#macro whatChanged>
<#if pack.whatChanged?has_content>

### What Changed

<#list pack.whatChanged as m>
- ${m.section} · ${m.label}: <@v m.value/><@judged m.value/>
</#list>
</#if>
</#macro>
<#macro evidence>
<#if pack.evidence?has_content>

### Evidence

<#list pack.evidence as e>
- ${e.section} · ${e.label}: ${e.ids?join(", ")}
</#list>
</#if>
</#macro>
<#macro footnotes>
<@evidence/>
<#if pack.footnotes?has_content>

---
<#list pack.footnotes as f>
[^${f.number?c}]: ${f.source} · ${f.query} · window ${f.windowStart} to ${f.windowEnd} · fetched ${f.fetchedAt} · ${f.rows?c} rows
</#list>
</#if>
</#macro>
<#macro body>
<@header/>
<@sections/>
<@whatChanged/>
<@footnotes/>
</#macro>
