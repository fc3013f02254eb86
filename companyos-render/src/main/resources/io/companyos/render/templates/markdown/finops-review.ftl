<#import "/lib.ftl" as md>
## Monthly FinOps Review - ${pack.calendar.month} ${pack.calendar.year}

<@md.body/>
