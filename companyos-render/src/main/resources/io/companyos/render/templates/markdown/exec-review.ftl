<#import "/lib.ftl" as md>
## Monthly Executive Review - ${pack.calendar.month} ${pack.calendar.year}

<@md.body/>
