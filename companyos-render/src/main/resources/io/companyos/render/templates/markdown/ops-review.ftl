<#import "/lib.ftl" as md>
## ${pack.title} - Week ${pack.calendar.week}

<@md.body/>
