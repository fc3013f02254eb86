<#import "/lib.ftl" as md>
## Weekly Ops Review - Week ${pack.calendar.week}

<@md.body/>
