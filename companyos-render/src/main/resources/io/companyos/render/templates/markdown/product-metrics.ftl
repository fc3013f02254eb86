<#import "/lib.ftl" as md>
## ${pack.title} - ${pack.calendar.date}

<@md.body/>
